// Status: the result of an operation that can fail. Errors are values; no
// exception crosses textmend's API. Damaged *input* is not an error (it is
// repaired and reported as a Change); a Status reports what stopped the work: a
// bad option, an I/O failure, a sink that refused output.
//
// Thread-safety: a Status is a value; distinct objects may be used from
// distinct threads.
#ifndef TEXTMEND_STATUS_H_
#define TEXTMEND_STATUS_H_

#include <string>
#include <string_view>

namespace textmend {

class [[nodiscard]] Status {
 public:
  enum class Code {
    kOk = 0,
    kInvalidArgument,
    kIoError,
    kNotSupported,
    kInternal
  };

  // A default-constructed Status is OK.
  Status() = default;

  static Status Ok() { return Status(); }
  static Status InvalidArgument(std::string_view message) {
    return Status(Code::kInvalidArgument, message);
  }
  static Status IoError(std::string_view message) {
    return Status(Code::kIoError, message);
  }
  static Status NotSupported(std::string_view message) {
    return Status(Code::kNotSupported, message);
  }
  static Status Internal(std::string_view message) {
    return Status(Code::kInternal, message);
  }

  bool ok() const { return code_ == Code::kOk; }
  Code code() const { return code_; }
  // The message without the code's name; empty when ok().
  const std::string& message() const { return message_; }
  // "OK", or "<code name>: <message>".
  std::string ToString() const;

 private:
  Status(Code code, std::string_view message)
      : code_(code), message_(message) {}

  Code code_ = Code::kOk;
  std::string message_;
};

}  // namespace textmend

#endif  // TEXTMEND_STATUS_H_
