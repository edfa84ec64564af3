// The encoding stage: repairs mojibake (see mojibake.h) line by line. It runs
// before the unicode stage, so that characters that are really pieces of a
// wrongly decoded sequence (C1 controls, stray no-break spaces) are repaired
// as mojibake before any character rule sees them.
#ifndef TEXTMEND_ENCODING_ENCODING_STAGE_H_
#define TEXTMEND_ENCODING_ENCODING_STAGE_H_

#include <memory>

#include "core/stage.h"

namespace textmend {

std::unique_ptr<TextStage> MakeEncodingStage();

}  // namespace textmend

#endif  // TEXTMEND_ENCODING_ENCODING_STAGE_H_
