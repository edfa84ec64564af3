// In-place rewriting: the original survives every failure, and an unchanged
// file is not touched. Failures are injected through the FileSystem interface.
#include "io/in_place.h"

#include <sys/stat.h>

#include <catch2/catch.hpp>

#include "unit/temp_dir.h"
#include "unit/test_util.h"

namespace textmend {
namespace {

// The real file system, with failures on demand.
class FaultyFileSystem final : public FileSystem {
 public:
  size_t fail_after_bytes =
      SIZE_MAX;  // writes fail once this many bytes are written
  bool fail_rename = false;
  bool fail_sync = false;

  Status Stat(const std::string& p, FileInfo* i) override {
    return real_->Stat(p, i);
  }
  Status RealPath(const std::string& p, std::string* r) override {
    return real_->RealPath(p, r);
  }
  Status OpenRead(const std::string& p,
                  std::unique_ptr<ReadableFile>* f) override {
    return real_->OpenRead(p, f);
  }
  Status CreateTempBeside(const std::string& beside, std::string* temp,
                          std::unique_ptr<WritableFile>* file) override {
    std::unique_ptr<WritableFile> inner;
    Status s = real_->CreateTempBeside(beside, temp, &inner);
    if (s.ok()) *file = std::make_unique<Faulty>(std::move(inner), this);
    return s;
  }
  Status CopyAttributes(const std::string& p, const FileInfo& i) override {
    return real_->CopyAttributes(p, i);
  }
  Status Duplicate(const std::string& a, const std::string& b) override {
    return real_->Duplicate(a, b);
  }
  Status Rename(const std::string& a, const std::string& b) override {
    if (fail_rename) return Status::IoError("rename refused");
    return real_->Rename(a, b);
  }
  Status Remove(const std::string& p) override { return real_->Remove(p); }
  Status SyncDirectory(const std::string& d) override {
    return real_->SyncDirectory(d);
  }

 private:
  class Faulty final : public WritableFile {
   public:
    Faulty(std::unique_ptr<WritableFile> inner, FaultyFileSystem* fs)
        : inner_(std::move(inner)), fs_(fs) {}
    Status Append(std::string_view d) override {
      written_ += d.size();
      if (written_ > fs_->fail_after_bytes)
        return Status::IoError("No space left on device");
      return inner_->Append(d);
    }
    Status Flush() override { return inner_->Flush(); }
    Status Sync() override {
      if (fs_->fail_sync) return Status::IoError("fsync failed");
      return inner_->Sync();
    }
    Status Close() override { return inner_->Close(); }

   private:
    std::unique_ptr<WritableFile> inner_;
    FaultyFileSystem* fs_;
    size_t written_ = 0;
  };
  FileSystem* real_ = RealFileSystem();
};

const std::string kDamaged = "a \xEF\xAC\x81rst line\nand a cafe\xCC\x81\n";
const std::string kRepaired = "a first line\nand a caf\xC3\xA9\n";

std::string BigDamaged() {
  std::string s;
  for (int i = 0; i < 20000; ++i)
    s += "line " + std::to_string(i) + " with a \xEF\xAC\x82ow\n";
  return s;
}

TEST_CASE("in place: repairs the file and keeps its mode", "[in_place]") {
  TempDir dir;
  const std::string f = dir.File("doc.txt");
  WriteFile(f, kDamaged);
  ::chmod(f.c_str(), 0640);
  auto repairer = MakeRepairer();
  InPlaceResult r;
  REQUIRE(RewriteInPlace(RealFileSystem(), f, *repairer, "", {}, &r).ok());
  CHECK(r.changes == 2);
  CHECK(ReadFile(f) == kRepaired);
  struct stat st;
  REQUIRE(::stat(f.c_str(), &st) == 0);
  CHECK((st.st_mode & 07777) == 0640);
  CHECK(dir.List() == std::vector<std::string>{"doc.txt"});
}

TEST_CASE("in place: a file with nothing to repair is not rewritten",
          "[in_place]") {
  TempDir dir;
  const std::string f = dir.File("clean.txt");
  WriteFile(f, kRepaired);
  struct stat before, after;
  REQUIRE(::stat(f.c_str(), &before) == 0);
  auto repairer = MakeRepairer();
  InPlaceResult r;
  REQUIRE(RewriteInPlace(RealFileSystem(), f, *repairer, ".bak", {}, &r).ok());
  REQUIRE(::stat(f.c_str(), &after) == 0);
  CHECK(r.changes == 0);
  CHECK(before.st_ino == after.st_ino);
  CHECK(dir.List() ==
        std::vector<std::string>{"clean.txt"});  // no backup either
}

TEST_CASE("in place: a suffix keeps a backup of the original", "[in_place]") {
  TempDir dir;
  const std::string f = dir.File("doc.txt");
  WriteFile(f, kDamaged);
  auto repairer = MakeRepairer();
  InPlaceResult r;
  REQUIRE(RewriteInPlace(RealFileSystem(), f, *repairer, ".orig", {}, &r).ok());
  CHECK(ReadFile(f) == kRepaired);
  CHECK(ReadFile(f + ".orig") == kDamaged);
  CHECK(dir.List() == std::vector<std::string>{"doc.txt", "doc.txt.orig"});
}

TEST_CASE("in place: a write that fails half-way leaves the original",
          "[in_place]") {
  TempDir dir;
  const std::string f = dir.File("big.txt");
  const std::string original = BigDamaged();
  WriteFile(f, original);
  FaultyFileSystem fs;
  fs.fail_after_bytes = original.size() / 2;
  auto repairer = MakeRepairer();
  InPlaceResult r;
  const Status s = RewriteInPlace(&fs, f, *repairer, ".bak", {}, &r);
  CHECK_FALSE(s.ok());
  CHECK(s.message().find(f) != std::string::npos);
  CHECK(s.message().find("No space left") != std::string::npos);
  CHECK(ReadFile(f) == original);
  CHECK(dir.List() == std::vector<std::string>{"big.txt"});
}

TEST_CASE("in place: a failed sync or rename leaves the original",
          "[in_place]") {
  for (int which = 0; which < 2; ++which) {
    TempDir dir;
    const std::string f = dir.File("doc.txt");
    WriteFile(f, kDamaged);
    FaultyFileSystem fs;
    fs.fail_sync = which == 0;
    fs.fail_rename = which == 1;
    auto repairer = MakeRepairer();
    InPlaceResult r;
    CHECK_FALSE(RewriteInPlace(&fs, f, *repairer, "", {}, &r).ok());
    CHECK(ReadFile(f) == kDamaged);
    CHECK(dir.List() == std::vector<std::string>{"doc.txt"});
  }
}

TEST_CASE("in place: binary files, directories and missing files are refused",
          "[in_place]") {
  TempDir dir;
  const std::string bin = dir.File("a.bin");
  const std::string data(
      "\x7F"
      "ELF\x02\x01\x01\0\0\0\0\0\0\0\0\0\x01\x02",
      18);
  WriteFile(bin, data);
  auto repairer = MakeRepairer();
  InPlaceResult r;
  REQUIRE(RewriteInPlace(RealFileSystem(), bin, *repairer, "", {}, &r).ok());
  CHECK(r.binary);
  CHECK(ReadFile(bin) == data);
  Status s =
      RewriteInPlace(RealFileSystem(), dir.path(), *repairer, "", {}, &r);
  CHECK(s.message().find("Is a directory") != std::string::npos);
  s = RewriteInPlace(RealFileSystem(), dir.File("none.txt"), *repairer, "", {},
                     &r);
  CHECK(s.message().find("none.txt: No such file") != std::string::npos);
}

TEST_CASE("in place: a symbolic link keeps pointing at the repaired file",
          "[in_place]") {
  TempDir dir;
  const std::string target = dir.File("target.txt");
  const std::string link = dir.File("link.txt");
  WriteFile(target, kDamaged);
  REQUIRE(::symlink(target.c_str(), link.c_str()) == 0);
  auto repairer = MakeRepairer();
  InPlaceResult r;
  REQUIRE(RewriteInPlace(RealFileSystem(), link, *repairer, "", {}, &r).ok());
  struct stat st;
  REQUIRE(::lstat(link.c_str(), &st) == 0);
  CHECK(S_ISLNK(st.st_mode));
  CHECK(ReadFile(target) == kRepaired);
}

}  // namespace
}  // namespace textmend
