// The word stage: dictionary repair of words. This step holds document-level
// substitution inference (substitution.h): the stage learns from the whole
// window which find-and-replace accident damaged it, then rewrites the words
// the lexicon rejects back into lexicon words. Per-word correction of OCR-like
// noise and broken words come in later steps.
//
// Never touched: lexicon words, numbers, URLs, e-mail addresses, paths,
// identifiers, camelCase code, words in other scripts, and words whose
// capitalization is mixed.
#ifndef TEXTMEND_WORDS_WORDS_STAGE_H_
#define TEXTMEND_WORDS_WORDS_STAGE_H_

#include <memory>

#include "core/stage.h"
#include "dict/lexicon.h"

namespace textmend {

// The word stage over `lexicon` (shared; must outlive nothing: the stage keeps
// it alive).
std::unique_ptr<TextStage> MakeWordsStage(
    std::shared_ptr<const Lexicon> lexicon);

}  // namespace textmend

#endif  // TEXTMEND_WORDS_WORDS_STAGE_H_
