// Status::ToString.
#include "textmend/status.h"

namespace textmend {

std::string Status::ToString() const {
  const char* name = "OK";
  switch (code_) {
    case Code::kOk:
      return "OK";
    case Code::kInvalidArgument:
      name = "invalid argument";
      break;
    case Code::kIoError:
      name = "I/O error";
      break;
    case Code::kNotSupported:
      name = "not supported";
      break;
    case Code::kInternal:
      name = "internal error";
      break;
  }
  return std::string(name) + ": " + message_;
}

}  // namespace textmend
