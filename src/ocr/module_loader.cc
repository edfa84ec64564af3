// Loading the OCR module; see ocr_module.h.
#include <dlfcn.h>
#include <unistd.h>

#include <cstdlib>
#include <mutex>

#include "ocr/ocr_module.h"

namespace textmend {
namespace {

// The directory of the running executable, "" when unknown.
std::string ExecutableDir() {
  std::string path(4096, '\0');
  const ssize_t n = ::readlink("/proc/self/exe", path.data(), path.size());
  if (n <= 0 || static_cast<size_t>(n) >= path.size()) return {};
  path.resize(static_cast<size_t>(n));
  const size_t slash = path.rfind('/');
  return slash == std::string::npos ? std::string() : path.substr(0, slash);
}

// Where the module may be, in order.
std::vector<std::string> Candidates() {
  std::vector<std::string> paths;
  if (const char* env = std::getenv("TEXTMEND_OCR_MODULE"); env && *env)
    paths.emplace_back(env);
  const std::string dir = ExecutableDir();
  if (!dir.empty()) {
    paths.push_back(dir + "/textmend-ocr.so");  // the build tree
    paths.push_back(dir + "/" TEXTMEND_OCR_MODULE_FROM_BINDIR);  // installed
  }
  paths.emplace_back(TEXTMEND_OCR_MODULE_INSTALLED);
  return paths;
}

struct Loaded {
  const OcrModule* module = nullptr;
  Status status = Status::Ok();
};

Loaded Load() {
  // (The OpenMP runtime reads its environment when it loads, with the
  // module.)
  setenv("OMP_THREAD_LIMIT", "1", /*overwrite=*/0);
  std::string tried, errors;
  for (const std::string& path : Candidates()) {
    if (::access(path.c_str(), R_OK) != 0) {
      tried += (tried.empty() ? "" : ", ") + path;
      continue;
    }
    void* handle = ::dlopen(path.c_str(), RTLD_NOW | RTLD_LOCAL);
    if (handle == nullptr) {
      const char* why = ::dlerror();
      errors += "; " + path + ": " + (why != nullptr ? why : "cannot load");
      continue;
    }
    using Entry = const OcrModule* (*)();
    const auto entry =
        reinterpret_cast<Entry>(::dlsym(handle, "textmend_ocr_module"));
    const OcrModule* module = entry != nullptr ? entry() : nullptr;
    if (module == nullptr || module->abi != kOcrModuleAbi) {
      errors += "; " + path + ": not this version's OCR module";
      ::dlclose(handle);
      continue;
    }
    return {module, Status::Ok()};  // (never unloaded)
  }
  return {nullptr,
          Status::NotSupported(
              "reading page images needs the OCR module textmend-ocr.so, "
              "which is not in " +
              tried + errors + " (set TEXTMEND_OCR_MODULE to its path)")};
}

}  // namespace

Status LoadOcrModule(const OcrModule** out) {
  static const Loaded loaded = Load();
  *out = loaded.module;
  return loaded.status;
}

}  // namespace textmend
