// Atomic in-place rewriting; see in_place.h.
#include "io/in_place.h"

namespace textmend {
namespace {

std::string DirectoryOf(const std::string& path) {
  const size_t slash = path.rfind('/');
  if (slash == std::string::npos) return ".";
  return slash == 0 ? "/" : path.substr(0, slash);
}

}  // namespace

Status RewriteInPlace(FileSystem* fs, const std::string& path,
                      const Repairer& repairer,
                      const std::string& backup_suffix,
                      const ChangeCallback& on_change, InPlaceResult* result) {
  *result = InPlaceResult();
  FileInfo info;
  Status s = StatInput(fs, path, &info);
  if (!s.ok()) return s;
  if (!info.regular)
    return Status::IoError(path + ": not a regular file; left unchanged");
  // Rewrite the target of a symbolic link, keeping the link.
  std::string real;
  s = fs->RealPath(path, &real);
  if (!s.ok()) return s;

  std::unique_ptr<ReadableFile> in;
  s = fs->OpenRead(real, &in);
  if (!s.ok()) return s;
  std::string prefix;
  bool binary = false;
  s = SniffInput(in.get(), &prefix, &binary);
  if (!s.ok()) return Status::IoError(path + ": " + s.message());
  if (binary) {
    result->binary = true;
    return Status::Ok();
  }

  std::string temp;
  std::unique_ptr<WritableFile> out;
  s = fs->CreateTempBeside(real, &temp, &out);
  if (!s.ok()) return s;
  auto fail = [&](const Status& why) {
    (void)out->Close();
    (void)fs->Remove(temp);
    return Status::IoError(path + ": " + why.message() +
                           "; file left unchanged");
  };
  s = RepairInto(in.get(), prefix, repairer, out.get(), on_change,
                 &result->changes);
  if (!s.ok()) return fail(s);
  if (result->changes == 0) {
    (void)out->Close();
    return fs->Remove(temp);
  }
  s = out->Sync();
  if (s.ok()) s = out->Close();
  if (s.ok()) s = fs->CopyAttributes(temp, info);
  if (s.ok() && !backup_suffix.empty()) {
    // The backup appears atomically too: duplicate to a second temporary name,
    // then rename.
    const std::string backup = real + backup_suffix;
    const std::string backup_temp = temp + ".bak";
    s = fs->Duplicate(real, backup_temp);
    if (s.ok()) s = fs->Rename(backup_temp, backup);
    if (!s.ok()) (void)fs->Remove(backup_temp);
  }
  if (s.ok()) s = fs->Rename(temp, real);
  if (!s.ok()) return fail(s);
  s = fs->SyncDirectory(DirectoryOf(real));
  if (!s.ok()) return Status::IoError(path + ": " + s.message());
  return Status::Ok();
}

}  // namespace textmend
