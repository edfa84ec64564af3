// POSIX implementation of the FileSystem interface.
#include "io/file_system.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <climits>
#include <cstdlib>
#include <cstring>

namespace textmend {

std::string ErrnoMessage(int err) { return std::strerror(err); }

namespace {

Status Errno(std::string_view what, const std::string& path) {
  return Status::IoError(std::string(what) + " " + path + ": " +
                         ErrnoMessage(errno));
}

class FdReadable final : public ReadableFile {
 public:
  FdReadable(int fd, bool owned) : fd_(fd), owned_(owned) {}
  ~FdReadable() override {
    if (owned_) ::close(fd_);
  }
  Status Read(char* buf, size_t n, size_t* got) override {
    for (;;) {
      const ssize_t r = ::read(fd_, buf, n);
      if (r >= 0) {
        *got = static_cast<size_t>(r);
        return Status::Ok();
      }
      if (errno != EINTR)
        return Status::IoError("read: " + ErrnoMessage(errno));
    }
  }

 private:
  int fd_;
  bool owned_;
};

// Buffers writes into 256 KiB blocks.
class FdWritable final : public WritableFile {
 public:
  FdWritable(int fd, bool owned) : fd_(fd), owned_(owned) {
    buffer_.reserve(kBuffer);
  }
  ~FdWritable() override {
    if (owned_ && fd_ >= 0) ::close(fd_);
  }
  Status Append(std::string_view data) override {
    if (buffer_.size() + data.size() > kBuffer) {
      Status s = Flush();
      if (!s.ok()) return s;
      if (data.size() > kBuffer) return WriteAll(data);
    }
    buffer_.append(data);
    return Status::Ok();
  }
  Status Flush() override {
    Status s = WriteAll(buffer_);
    buffer_.clear();
    return s;
  }
  Status Sync() override {
    Status s = Flush();
    if (s.ok() && ::fsync(fd_) != 0)
      s = Status::IoError("fsync: " + ErrnoMessage(errno));
    return s;
  }
  Status Close() override {
    Status s = Flush();
    if (owned_ && fd_ >= 0) {
      if (::close(fd_) != 0 && s.ok())
        s = Status::IoError("close: " + ErrnoMessage(errno));
      fd_ = -1;
    }
    return s;
  }

 private:
  static constexpr size_t kBuffer = 256 * 1024;
  Status WriteAll(std::string_view data) {
    while (!data.empty()) {
      const ssize_t w = ::write(fd_, data.data(), data.size());
      if (w < 0) {
        if (errno == EINTR) continue;
        return Status::IoError("write: " + ErrnoMessage(errno));
      }
      data.remove_prefix(static_cast<size_t>(w));
    }
    return Status::Ok();
  }
  int fd_;
  bool owned_;
  std::string buffer_;
};

class StringWritable final : public WritableFile {
 public:
  explicit StringWritable(std::string* out) : out_(out) {}
  Status Append(std::string_view data) override {
    out_->append(data);
    return Status::Ok();
  }
  Status Flush() override { return Status::Ok(); }
  Status Sync() override { return Status::Ok(); }
  Status Close() override { return Status::Ok(); }

 private:
  std::string* out_;
};

class StringReadable final : public ReadableFile {
 public:
  StringReadable(std::string_view data, size_t max_read)
      : data_(data), max_read_(max_read) {}
  Status Read(char* buf, size_t n, size_t* got) override {
    *got = std::min({n, max_read_, data_.size()});
    std::memcpy(buf, data_.data(), *got);
    data_.remove_prefix(*got);
    return Status::Ok();
  }

 private:
  std::string_view data_;
  size_t max_read_;
};

std::string DirName(const std::string& path) {
  const size_t slash = path.rfind('/');
  if (slash == std::string::npos) return ".";
  if (slash == 0) return "/";
  return path.substr(0, slash);
}

class PosixFileSystem final : public FileSystem {
 public:
  Status Stat(const std::string& path, FileInfo* info) override {
    struct stat st;
    *info = FileInfo();
    if (::stat(path.c_str(), &st) != 0) {
      if (errno == ENOENT) return Status::Ok();
      return Errno("cannot stat", path);
    }
    info->exists = true;
    info->regular = S_ISREG(st.st_mode);
    info->directory = S_ISDIR(st.st_mode);
    info->mode = st.st_mode & 07777;
    info->uid = st.st_uid;
    info->gid = st.st_gid;
    return Status::Ok();
  }
  Status RealPath(const std::string& path, std::string* real) override {
    char buf[PATH_MAX];
    if (::realpath(path.c_str(), buf) == nullptr)
      return Errno("cannot resolve", path);
    *real = buf;
    return Status::Ok();
  }
  Status OpenRead(const std::string& path,
                  std::unique_ptr<ReadableFile>* file) override {
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) return Errno("cannot open", path);
    *file = std::make_unique<FdReadable>(fd, true);
    return Status::Ok();
  }
  Status CreateTempBeside(const std::string& beside, std::string* temp_path,
                          std::unique_ptr<WritableFile>* file) override {
    const size_t slash = beside.rfind('/');
    const std::string dir =
        slash == std::string::npos ? "" : beside.substr(0, slash + 1);
    const std::string base =
        slash == std::string::npos ? beside : beside.substr(slash + 1);
    std::string pattern = dir + "." + base + ".textmend-XXXXXX";
    const int fd = ::mkostemp(pattern.data(), O_CLOEXEC);
    if (fd < 0)
      return Errno("cannot create a temporary file in", DirName(beside));
    *temp_path = pattern;
    *file = std::make_unique<FdWritable>(fd, true);
    return Status::Ok();
  }
  Status CopyAttributes(const std::string& path,
                        const FileInfo& info) override {
    // Ownership first: chown may clear set-id bits, which chmod then restores.
    // Only root may give a file away; for anyone else a failed chown leaves the
    // file theirs, as sed does.
    if (::chown(path.c_str(), info.uid, info.gid) != 0 && errno != EPERM) {
      return Errno("cannot set the owner of", path);
    }
    if (::chmod(path.c_str(), info.mode) != 0)
      return Errno("cannot set the mode of", path);
    return Status::Ok();
  }
  Status Duplicate(const std::string& from, const std::string& to) override {
    if (::link(from.c_str(), to.c_str()) == 0) return Status::Ok();
    // No hard links here (or across devices): copy the bytes.
    std::unique_ptr<ReadableFile> in;
    Status s = OpenRead(from, &in);
    if (!s.ok()) return s;
    const int fd =
        ::open(to.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    if (fd < 0) return Errno("cannot create", to);
    FdWritable out(fd, true);
    std::string buf(1 << 16, '\0');
    for (;;) {
      size_t got = 0;
      s = in->Read(buf.data(), buf.size(), &got);
      if (!s.ok() || got == 0) break;
      s = out.Append(std::string_view(buf.data(), got));
      if (!s.ok()) break;
    }
    if (s.ok()) s = out.Sync();
    Status c = out.Close();
    return s.ok() ? c : s;
  }
  Status Rename(const std::string& from, const std::string& to) override {
    if (::rename(from.c_str(), to.c_str()) != 0)
      return Errno("cannot replace", to);
    return Status::Ok();
  }
  Status Remove(const std::string& path) override {
    if (::unlink(path.c_str()) != 0 && errno != ENOENT)
      return Errno("cannot remove", path);
    return Status::Ok();
  }
  Status SyncDirectory(const std::string& dir) override {
    const int fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0) return Errno("cannot open directory", dir);
    const int r = ::fsync(fd);
    ::close(fd);
    if (r != 0 && errno != EINVAL) return Errno("cannot sync directory", dir);
    return Status::Ok();
  }
};

}  // namespace

Status StatInput(FileSystem* fs, const std::string& path, FileInfo* info) {
  Status s = fs->Stat(path, info);
  if (!s.ok()) return s;
  if (!info->exists)
    return Status::IoError(path + ": No such file or directory");
  if (info->directory) return Status::IoError(path + ": Is a directory");
  return Status::Ok();
}

FileSystem* RealFileSystem() {
  static PosixFileSystem fs;
  return &fs;
}

std::unique_ptr<ReadableFile> StdinFile() {
  return std::make_unique<FdReadable>(0, false);
}
std::unique_ptr<WritableFile> StdoutFile() {
  return std::make_unique<FdWritable>(1, false);
}
std::unique_ptr<WritableFile> StringFile(std::string* out) {
  return std::make_unique<StringWritable>(out);
}

std::unique_ptr<WritableFile> NullFile() {
  class Null final : public WritableFile {
   public:
    Status Append(std::string_view) override { return Status::Ok(); }
    Status Flush() override { return Status::Ok(); }
    Status Sync() override { return Status::Ok(); }
    Status Close() override { return Status::Ok(); }
  };
  return std::make_unique<Null>();
}

std::unique_ptr<ReadableFile> StringReader(std::string_view data,
                                           size_t max_read) {
  return std::make_unique<StringReadable>(data, max_read);
}

}  // namespace textmend
