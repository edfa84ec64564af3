// Cosmetic repairs of markup left in text, both off by default because they
// change text that may be correct as it is (an article about HTML quotes
// "&amp;" on purpose): HTML character references ("&eacute;", "&#8217;",
// "&#x2014;") and terminal escape sequences (colour codes such as "ESC[31m").
// Reported under the unicode stage.
#ifndef TEXTMEND_UNICODE_MARKUP_H_
#define TEXTMEND_UNICODE_MARKUP_H_

#include <memory>

#include "core/stage.h"
#include "textmend/options.h"

namespace textmend {

// The markup pass for `options`, or nullptr when neither option is on.
std::unique_ptr<TextStage> MakeMarkupStage(const Options& options);

}  // namespace textmend

#endif  // TEXTMEND_UNICODE_MARKUP_H_
