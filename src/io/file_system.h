// The file system as textmend's file handling sees it: a small interface so
// that tests can inject failures (a write that fails half-way, a rename that is
// refused) and prove that the original file survives, in the manner of ninja's
// DiskInterface.
//
// Thread-safety: RealFileSystem is stateless and may be shared; files are used
// by one thread.
#ifndef TEXTMEND_IO_FILE_SYSTEM_H_
#define TEXTMEND_IO_FILE_SYSTEM_H_

#include <sys/types.h>

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "textmend/status.h"

namespace textmend {

class ReadableFile {
 public:
  virtual ~ReadableFile() = default;
  // Reads up to `n` bytes into `buf`; *got = 0 at the end of the file.
  virtual Status Read(char* buf, size_t n, size_t* got) = 0;
};

class WritableFile {
 public:
  virtual ~WritableFile() = default;
  virtual Status Append(std::string_view data) = 0;
  // Pushes buffered data to the operating system.
  virtual Status Flush() = 0;
  // Flushes and makes the data durable (fsync).
  virtual Status Sync() = 0;
  virtual Status Close() = 0;
};

struct FileInfo {
  bool exists = false;
  bool regular = false;
  bool directory = false;
  mode_t mode = 0;
  uid_t uid = 0;
  gid_t gid = 0;
};

class FileSystem {
 public:
  virtual ~FileSystem() = default;
  // Follows symbolic links.
  virtual Status Stat(const std::string& path, FileInfo* info) = 0;
  // The path with symbolic links resolved, so an in-place rewrite replaces the
  // target.
  virtual Status RealPath(const std::string& path, std::string* real) = 0;
  virtual Status OpenRead(const std::string& path,
                          std::unique_ptr<ReadableFile>* file) = 0;
  // Creates a new, empty file in the directory of `beside`, named after it, and
  // opens it.
  virtual Status CreateTempBeside(const std::string& beside,
                                  std::string* temp_path,
                                  std::unique_ptr<WritableFile>* file) = 0;
  // Gives `path` the mode and, where permitted, the owner and group in `info`.
  virtual Status CopyAttributes(const std::string& path,
                                const FileInfo& info) = 0;
  // Makes `to` a copy of `from` that shares its data where the file system
  // allows (a hard link), else a byte copy.
  virtual Status Duplicate(const std::string& from, const std::string& to) = 0;
  // Atomically replaces `to` with `from`.
  virtual Status Rename(const std::string& from, const std::string& to) = 0;
  virtual Status Remove(const std::string& path) = 0;
  // Makes a rename in `dir` durable.
  virtual Status SyncDirectory(const std::string& dir) = 0;
};

// Stats `path` as an input: an error naming it when it does not exist or is a
// directory. Other kinds (FIFOs, devices) pass: they can be read, if not
// rewritten.
Status StatInput(FileSystem* fs, const std::string& path, FileInfo* info);

// The POSIX file system.
FileSystem* RealFileSystem();

// Standard input and output as files. The returned objects do not close the
// descriptors.
std::unique_ptr<ReadableFile> StdinFile();
std::unique_ptr<WritableFile> StdoutFile();

// A file that appends everything to `*out`.
std::unique_ptr<WritableFile> StringFile(std::string* out);

// A file that discards everything written to it.
std::unique_ptr<WritableFile> NullFile();

// A file that reads `data`, which must outlive it, at most `max_read` bytes at
// a time (tests use small reads to split input at awkward places).
std::unique_ptr<ReadableFile> StringReader(std::string_view data,
                                           size_t max_read = SIZE_MAX);

// "No such file or directory" and the like, for errno `err`.
std::string ErrnoMessage(int err);

}  // namespace textmend

#endif  // TEXTMEND_IO_FILE_SYSTEM_H_
