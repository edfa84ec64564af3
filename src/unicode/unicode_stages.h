// The unicode stage: repairs at the level of single characters. It is two
// passes reported under one name, "unicode":
//  - character rules: C0 control characters that damage text, stray zero-width
//  spaces and
//    byte order marks, presentation-form ligatures ("ﬁ" -> "fi"), and the
//    cosmetic options (quotes, fullwidth forms, dashes) when they are asked
//    for;
//  - NFC: canonical composition (ICU), run after the character rules so that
//  removing a stray
//    character between a letter and its accent lets the two compose.
// Both passes decide from a character and its immediate neighbours only, which
// keeps them local enough for the streaming driver (see core/stage.h).
#ifndef TEXTMEND_UNICODE_UNICODE_STAGES_H_
#define TEXTMEND_UNICODE_UNICODE_STAGES_H_

#include <memory>
#include <vector>

#include "core/stage.h"
#include "textmend/options.h"

namespace textmend {

// The unicode stage's passes, configured from `options` (its cosmetic fields).
std::vector<std::unique_ptr<TextStage>> MakeUnicodeStages(
    const Options& options);

}  // namespace textmend

#endif  // TEXTMEND_UNICODE_UNICODE_STAGES_H_
