// Rewriting a file in place, atomically: the repaired text goes to a temporary
// file in the same directory, which is synced, given the original's mode and
// owner, and renamed over the original. A file with nothing to repair is not
// rewritten. If anything fails (disk full, a read-only directory, the process
// killed mid-write) the original is left as it was.
#ifndef TEXTMEND_IO_IN_PLACE_H_
#define TEXTMEND_IO_IN_PLACE_H_

#include <string>

#include "io/file_system.h"
#include "io/transfer.h"
#include "textmend/repairer.h"

namespace textmend {

struct InPlaceResult {
  bool binary = false;  // looked binary: left unchanged
  size_t changes = 0;   // 0: the file was not rewritten
};

// Repairs `path` in place through `fs`. With a non-empty `backup_suffix`, the
// original is kept as path + suffix. Errors name the file; on error the
// original is untouched and no temporary file is left behind (unless the
// process itself dies).
Status RewriteInPlace(FileSystem* fs, const std::string& path,
                      const Repairer& repairer,
                      const std::string& backup_suffix,
                      const ChangeCallback& on_change, InPlaceResult* result);

}  // namespace textmend

#endif  // TEXTMEND_IO_IN_PLACE_H_
