// The word stage: dictionary repair of words, decided from the whole window
// before any of it is repaired:
//  - document-level substitution inference (substitution.h): which
//    find-and-replace accident damaged the document, undone in the words the
//    lexicon rejects;
//  - per-word correction of OCR misreadings (noisy_channel.h), for words the
//    document writes once;
//  - broken words: line-end hyphenation (hyphenation.h), tokens split by a
//    stray space, words run together.
//
// Never touched: lexicon words, numbers, URLs, e-mail addresses, host names,
// paths, identifiers, camelCase code, words in other scripts and languages,
// names, and words whose capitalization is mixed.
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
