// The read-repair-write loop.
#include "io/transfer.h"

#include <vector>

namespace textmend {
namespace {

constexpr size_t kReadBytes = 256 * 1024;

class FileSink final : public OutputSink {
 public:
  FileSink(WritableFile* out, const ChangeCallback& on_change, size_t* changes)
      : out_(out), on_change_(on_change), changes_(changes) {}
  Status Append(std::string_view text) override { return out_->Append(text); }
  void AddChange(const Change& change) override {
    ++*changes_;
    if (on_change_) on_change_(change);
  }

 private:
  WritableFile* out_;
  const ChangeCallback& on_change_;
  size_t* changes_;
};

}  // namespace

Status SniffInput(ReadableFile* in, std::string* prefix, bool* binary) {
  // One read: a file gives the whole prefix, a pipe what has arrived so far.
  // Waiting for more would hold back the output of an interactive pipe.
  prefix->resize(kSniffBytes);
  size_t got = 0;
  Status s = in->Read(prefix->data(), kSniffBytes, &got);
  if (!s.ok()) return s;
  prefix->resize(got);
  *binary = LooksBinary(*prefix);
  return Status::Ok();
}

Status RepairInto(ReadableFile* in, std::string_view prefix,
                  const Repairer& repairer, WritableFile* out,
                  const ChangeCallback& on_change, size_t* changes) {
  *changes = 0;
  FileSink sink(out, on_change, changes);
  std::unique_ptr<Stream> stream = repairer.NewStream(&sink);
  Status s = stream->Write(prefix);
  std::vector<char> buf(kReadBytes);
  while (s.ok()) {
    s = out->Flush();
    size_t got = 0;
    if (s.ok()) s = in->Read(buf.data(), buf.size(), &got);
    if (!s.ok() || got == 0) break;
    s = stream->Write(std::string_view(buf.data(), got));
  }
  if (s.ok()) s = stream->Finish();
  if (s.ok()) s = out->Flush();
  return s;
}

Status CopyInto(ReadableFile* in, std::string_view prefix, WritableFile* out) {
  Status s = out->Append(prefix);
  std::vector<char> buf(kReadBytes);
  while (s.ok()) {
    size_t got = 0;
    s = in->Read(buf.data(), buf.size(), &got);
    if (!s.ok() || got == 0) break;
    s = out->Append(std::string_view(buf.data(), got));
  }
  if (s.ok()) s = out->Flush();
  return s;
}

Status ReadRest(ReadableFile* in, std::string_view prefix, std::string* all) {
  all->assign(prefix);
  std::vector<char> buf(kReadBytes);
  for (;;) {
    size_t got = 0;
    Status s = in->Read(buf.data(), buf.size(), &got);
    if (!s.ok()) return s;
    if (got == 0) return Status::Ok();
    all->append(buf.data(), got);
  }
}

}  // namespace textmend
