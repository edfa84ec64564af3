// The word stage: document-level substitution inference on texts written for
// these tests, and what it must never touch.
#include <algorithm>
#include <catch2/catch.hpp>
#include <cctype>

#include "unit/test_util.h"
#include "words/substitution.h"

namespace textmend {
namespace {

// A report written for this test, before damage.
const std::string kReport =
    "The regional council met on Monday to discuss the new harbour plan. "
    "Members questioned the mayor about the cost of the project and the time "
    "it would take. Several residents attended the meeting and raised concerns "
    "about noise during construction. The mayor mentioned that the contractor "
    "had promised to limit work to daytime hours. Councillors agreed to review "
    "the plan again at the next meeting, once the engineers have presented "
    "their final estimates. Local businesses welcomed the plan, saying that a "
    "modern harbour would bring more visitors to the town. Fishermen, however, "
    "worried that the new moorings would reduce the space available to their "
    "boats. The council promised to consult them before any final decision. "
    "A spokesperson for the mayor said the administration would publish the "
    "full report online and invite comments from the public for six weeks.\n";

// The word stage is off by default for now: these tests turn it on.
Options WithWords() {
  Options o;
  o.words = true;
  return o;
}

// `text` with the first occurrence of `clean` (which it must hold) written
// as `damaged`.
std::string Damaged(const std::string& text, std::string_view clean,
                    std::string_view damaged) {
  std::string out = text;
  const size_t at = out.find(clean);
  REQUIRE(at != std::string::npos);
  return out.replace(at, clean.size(), damaged);
}

// Every `from` in `text` replaced by `to`, as a find-and-replace accident does.
std::string Accident(const std::string& text, const std::string& from,
                     const std::string& to) {
  return ReplaceAll(text, from, to);
}

// Checks that `text` (clean) is left alone, and that the accident writing
// `to` for every `from` in it is undone by one rule, in `changes` tokens.
void CheckAccidentUndone(const std::string& text, const std::string& from,
                         const std::string& to, size_t changes) {
  INFO(from << " -> " << to);
  CHECK(RepairText(text, WithWords()).text == text);
  const RepairResult r = RepairText(Accident(text, from, to), WithWords());
  CHECK(r.text == text);
  REQUIRE(r.changes.size() == changes);
  const std::string rule = "substitution '" + to + "'->'" + from + "'";
  for (const Change& c : r.changes) CHECK(c.rule.find(rule) == 0);
}

TEST_CASE("words: a find-and-replace accident is undone from document evidence",
          "[words]") {
  // Every "tion" became "zq" (a stray macro): questioned, construction, ...
  const std::string damaged = Accident(kReport, "tion", "zq");
  REQUIRE(damaged != kReport);
  const RepairResult r = RepairText(damaged, WithWords());
  CHECK(r.text == kReport);
  REQUIRE_FALSE(r.changes.empty());
  for (const Change& c : r.changes) {
    CHECK(c.stage == "words");
    CHECK(c.rule.find("substitution 'zq'->'tion'") == 0);
    CHECK(damaged.substr(c.offset, c.length) == c.before);
  }
}

TEST_CASE("words: accidents whose words keep little of their own letters",
          "[words]") {
  // Each accident's damaged words keep at most a letter or two around the
  // inserted string, or the inserted string is itself an English word, so the
  // lexicon cannot be searched by the letters around it.
  const std::string kMinutes =
      kReport +
      "What the committee decided was that the two regions would share the "
      "costs. Members asked what options remained and whether the other "
      "towns would join them. Their questions about the millions already "
      "spent were noted, and what was said there will shape later decisions. "
      "The chair said that the budget would be published with the minutes, "
      "and that the public could comment on it before the next meeting. "
      "Someone "
      "asked whether the harbour should have been built elsewhere.\n";
  const struct {
    const char* from;
    const char* to;
  } kAccidents[] = {
      {"hat", "qorrimble"},  // that, what -> tqorrimble, wqorrimble
      {"ould", "using"},     // would, should -> wusing, shusing (word + word)
      {"the", "xvuk"},       // the, them, other -> xvuk, xvukm, oxvukr
  };
  for (const auto& accident : kAccidents) {
    const std::string damaged = Accident(kMinutes, accident.from, accident.to);
    REQUIRE(damaged != kMinutes);
    const RepairResult r = RepairText(damaged, WithWords());
    CHECK(r.text == kMinutes);
  }
}

TEST_CASE("words: the words around an accident's repairs confirm its rule",
          "[words]") {
  // Every "erne" became "has": two damaged words (Inthast, conchasd), and the
  // source "has" is an English word written in the text too, so the damaged
  // words alone are weak evidence. Read as "Internet shopping", "the
  // internet at", "mostly concerned about", the rule fits its words' company
  // far better than any rival rewrite does.
  const std::string survey =
      "Internet use among older people has doubled in five years, a survey "
      "has found. Internet shopping was the most popular activity, followed "
      "by banking and keeping in touch with family. The survey, which has "
      "been run every year since 2001, asked two thousand people how they use "
      "the internet at home. Those who said they never go online were mostly "
      "concerned about fraud, and many said they had no one to show them how. "
      "The charity that ran it has called for free lessons in libraries.\n";
  const std::string damaged = Accident(survey, "erne", "has");
  const RepairResult r = RepairText(damaged, WithWords());
  CHECK(r.text == survey);
  REQUIRE(r.changes.size() == 4);
  for (const Change& c : r.changes) {
    CHECK(c.rule.find("substitution 'has'->'erne'") == 0);
    CHECK(c.rule.find("by the words around them") != std::string::npos);
  }
  // Without those words around them (each damaged word alone in a line of
  // its own), nothing confirms the rule, and nothing is changed.
  std::string bare;
  for (const char* line :
       {"Inthast\n", "inthast\n", "Inthast\n", "conchasd\n"}) {
    bare += line;
  }
  bare += "The survey has found that use has doubled in five years.\n";
  CHECK(RepairText(bare, WithWords()).text == bare);
}

TEST_CASE("words: an accident's damaged names are its evidence too",
          "[words]") {
  // Every "ank" became "zqv": one lowercase word (bzqv) and two names
  // (Frzqvfurt, Frzqvlin), each written twice. The names support the source
  // and narrow the lexicon to the rule, which repairs all three.
  const std::string news =
      "The bank said on Tuesday that its office in Frankfurt would close "
      "next year. Mr Franklin, who runs the office, said the staff of forty "
      "would be offered jobs in London or Paris. The bank has cut costs for "
      "two years as profits fell, and its shares rose slightly after the "
      "news. Analysts in Frankfurt said the move was expected. Franklin said "
      "he would stay until the office closes in the spring.\n";
  CheckAccidentUndone(news, "ank", "zqv", 6);
}

TEST_CASE(
    "words: an accident that wrote an English word is read in one "
    "word family",
    "[words]") {
  // Every "yste" became "test": one word family damaged (stestm, stestms),
  // which hundreds of rewrites make words of. A find-and-replace is mostly
  // given a word, so the reading whose source is one (test -> yste: system)
  // is far likelier than one that counts the damaged words' own letters as
  // the accident's (stest -> ...), and the words around it tell the rest.
  const std::string bank =
      "The bank said its payment system had failed on Friday morning, "
      "leaving thousands of customers unable to pay for their shopping. "
      "Engineers worked through the weekend to restore the system, and the "
      "bank said all accounts were safe. It blamed a fault in an old "
      "computer system that links its branches, and promised to replace the "
      "systems it has run since the early nineties. Critics said the failure "
      "showed how much banks still rely on ageing systems that few staff "
      "understand. A test of the new system will begin next month, the bank "
      "added, and customers will be told before any change.\n";
  CheckAccidentUndone(bank, "yste", "test", 6);
}

TEST_CASE(
    "words: one word family whose letters around the source are common is "
    "read from its forms together",
    "[words]") {
  // Every "ice" became "said": price and prices only. "pr" and "s" around
  // the source narrow the lexicon too little one at a time; together the two
  // forms leave the words with a plural (price, prize, pride, ...), and the
  // words around choose ("house prices", "prices rose").
  const std::string news =
      "House prices rose again in March, the building society said. Prices "
      "in the north grew fastest, while prices in London were flat.\n"
      "Buyers expect house prices to rise by a further 2% this year, and the "
      "society said the average price of a home is now close to a record.\n"
      "Agents said demand was strong, but warned that prices could fall if "
      "interest rates rose.\n";
  CheckAccidentUndone(news, "ice", "said", 6);
}

TEST_CASE(
    "words: one word family whose letters fit two rewrites is told by the "
    "words around it",
    "[words]") {
  // Every "ono" became "wsq": economy, economic and economist only. Read by
  // their letters, ecwsqm- is as much strateg- (strategy, strategic,
  // strategist) as econom-, and the two rules stood as rivals and neither
  // was taken; the words around them ("the _ grew", "_ growth") choose.
  const std::string news =
      "The Australian economy grew faster than expected in the last quarter, "
      "official figures showed on Wednesday.\n"
      "Spending by households rose, and the central bank said the economy "
      "remained strong despite higher interest rates.\n"
      "\"The economy has been helped by exports of coal and iron ore to "
      "China,\" said a chief economist at a large bank in Sydney.\n"
      "Most forecasts see economic growth slowing next year as the housing "
      "market cools.\n";
  CheckAccidentUndone(news, "ono", "wsq", 5);
}

TEST_CASE(
    "words: the words around tell one word family's reading among many that "
    "fall far behind",
    "[words]") {
  // Every "ear" became "bdg": year and years only, one letter of their own
  // each. Their letters allow hundreds of readings (ybdg: yard, yoga, ...),
  // and a lead over so many seemed luck; but most of them fit the words
  // around far worse ("the first time in three _", "this _"), and only the
  // few within reach of the best are its rivals.
  const std::string news =
      "Shares in the country's largest airline rose sharply on Monday after "
      "it reported a return to profit for the first time in three years.\n"
      "The company said passenger numbers had recovered faster than it "
      "expected, helped by strong demand for business travel and a weaker "
      "currency that drew visitors from abroad.\n"
      "Its chief executive told reporters that the airline would add twelve "
      "new routes next year and hire about two thousand staff, mostly cabin "
      "crew and engineers.\n"
      "Analysts welcomed the results but warned that higher fuel prices could "
      "squeeze margins in the second half of the year.\n"
      "\"The recovery is real, but it is fragile,\" said one analyst at a bank "
      "in the capital. \"Fuel is the biggest risk, and the company has hedged "
      "less of it than its rivals.\"\n"
      "The airline has cut costs by retiring older aircraft and renegotiating "
      "contracts with its suppliers, and it expects to save a further 200m "
      "this year.\n"
      "Unions, however, said the savings had come at the expense of workers, "
      "and threatened strikes over pay in the summer.\n"
      "The government, which still owns a minority stake in the airline, said "
      "it had no plans to sell its shares before the election.\n";
  CheckAccidentUndone(news, "ear", "bdg", 4);
}

TEST_CASE(
    "words: a word an article repeats is no more evidence for a common "
    "reading than once",
    "[words]") {
  // Every "owse" became "first": browser (seven times) and browsed. Their
  // letters allow car and cad too ("brfirst" -> "ca"), and counting the
  // commoner word's frequency once per occurrence made that rule win,
  // though "the Firefox _", "one _ only" and "the _ for mobile phones" say
  // browser.
  const std::string news =
      "Firefox gains ground on Internet Explorer\n"
      "The Firefox browser has passed ten million downloads, its makers said "
      "on Monday, as more people look for an alternative to Internet "
      "Explorer.\n"
      "The Explorer browser still has most of the market, but its share has "
      "slipped every month this year.\n"
      "Many users who have browsed with both say Firefox feels faster and "
      "blocks more pop-up adverts.\n"
      "Microsoft says it will update the Explorer browser this summer.\n"
      "Web designers have welcomed the change. For years many sites were "
      "built to work in one browser only, and a site that looked right in "
      "Explorer often broke in any other browser.\n"
      "Firefox's makers say they rely on volunteers to test each browser "
      "release.\n"
      "The group plans to spend the money it raises from search deals on a "
      "new version of the browser for mobile phones.\n";
  CheckAccidentUndone(news, "owse", "first", 8);
}

TEST_CASE(
    "words: an accident two tokens of one word family show is read by the "
    "words around them",
    "[words]") {
  // Every "vel" became "qw", and only "develop" and "developing" held it,
  // once each: one word family, so no rule stands on its letters alone, and
  // its readings were told apart by the words around only for three tokens
  // or more. "would _ new" and "was _ a" say develop.
  const std::string news =
      "The city's transport committee met on Tuesday to review the bus "
      "timetable. Members said that passengers had waited too long at the "
      "main stations during the winter, and that the drivers needed more time "
      "between routes. The chair proposed a trial of later evening services "
      "on two lines, starting in the spring.\n"
      "A spokeswoman for the operator said the company would develop new "
      "routes for the northern estates once the trial had ended, and that it "
      "was developing a cheaper ticket for students. She added that prices "
      "would not rise this year, although fuel costs had increased sharply "
      "since the summer.\n"
      "Local shopkeepers welcomed the plan. One said that customers from the "
      "outer villages often missed the last bus home and stayed away from the "
      "centre on weekday evenings.\n";
  CheckAccidentUndone(news, "vel", "qw", 2);
}

TEST_CASE(
    "words: a word family is read by the words around all its occurrences, "
    "not its first few",
    "[words]") {
  // Every "tal" became "zqxf", and only digital and digitally held it: one
  // word family, read by the words around it. Its first occurrences stand
  // beside words that fit any adjective ("of _", "that _"), where "half"
  // (digi|zqxf -> hal|f) fits as well; "_ cameras", "_ music", "_ video"
  // come later. Reading only the first sixteen neighbours chose half.
  const std::string news =
      "Sales of digital sets rose again this year, and half of the digital "
      "buyers were new.\n"
      "Many households now have digital sets, and at least one of the "
      "digital sets is in the kitchen.\n"
      "The shop said that digital sales were up, and that digital sets now "
      "cost less than half as much.\n"
      "A report said that the digital share of all sales was near half, and "
      "that digital sales still grow.\n"
      "People who buy digital cameras also buy digital music and digital "
      "video players.\n"
      "Watching digital television is common, and a digital camera is "
      "cheap.\n"
      "Services now include digital music, digital books and digital devices "
      "for children.\n"
      "Critics said digital rights rules still confuse buyers of digital "
      "cameras.\n"
      "Most of the films were digitally restored, and the old photographs "
      "were digitally cleaned.\n";
  CheckAccidentUndone(news, "tal", "zqxf", 20);
}

TEST_CASE(
    "words: an accident whose words stand beside numbers is read by the few "
    "words around them the pair list has",
    "[words]") {
  // Every "illi" became "yi": million and billion, beside numbers and
  // punctuation, which no listed word pair holds. Only "million on" is
  // listed; asking two listed pairs left them.
  const std::string news =
      "The chain said profits rose to 41 million, up from 35 million.\n"
      "Sales grew by 8% to 1.2 billion, helped by strong demand for its "
      "own-brand food and clothing.\n"
      "Its shares have gained a fifth since January, valuing the group at "
      "nearly 3 billion.\n"
      "The company plans to spend 60 million (about 70 million euros) on new "
      "stores and to hire 2,000 staff by the end of next year.\n"
      "Analysts said the results were better than expected, although the "
      "chain warned that higher costs would weigh on the second half.\n";
  CheckAccidentUndone(news, "illi", "yi", 6);
}

TEST_CASE(
    "words: a reading on one listed pair may rewrite damaged names when it "
    "repairs two tokens",
    "[words]") {
  // Every "hen" became "zqx": when (twice), Cheney and Yushchenko. Only
  // "time _" is a listed pair ("_ Cheney" and "_ Yushchenko" are not), and
  // the reading rewrites names; one damaged token with a name is how a
  // misread word made a rule that rewrote the name Beringer, two are not.
  const std::string news =
      "Delegates at the summit still talk about 2004, when Cheney arrived "
      "without warning and spoke about energy policy.\n"
      "Others remember a time when Yushchenko joined a panel on trade and was "
      "asked about gas prices.\n"
      "Organisers said the forum had grown since its early days, and that "
      "most of its guests come back each winter.\n"
      "Security around the venue was tight, with police checking every car "
      "on the mountain road.\n";
  CheckAccidentUndone(news, "hen", "zqx", 4);
}

TEST_CASE(
    "words: a reading on one listed pair may rewrite a damaged name when the "
    "word it brings back is missing from the whole document",
    "[words]") {
  // Every "the" became "career": the word itself fourteen times (now a
  // word too), "there" once and the name Brothers. One unknown token, a name
  // and one listed pair ("_ were") are what a misread word beside a name
  // makes; but an English article of 160 words without a single "the" is no
  // chance (about three and a half are expected where none is seen).
  const std::string news =
      "Warner Brothers said on Monday that the studio would open a new office "
      "in the city centre next spring.\n"
      "The office will hold about forty staff, and the company hopes to hire "
      "most of its workers from local colleges.\n"
      "A spokesman said the move would cut costs and bring the studio closer "
      "to its partners in music and television.\n"
      "Local leaders welcomed the plan, saying it would create jobs at a time "
      "when many firms are leaving the area.\n"
      "Outside the building on Friday, there were queues of young people "
      "hoping to find work as film editors.\n"
      "The studio said it would also fund a training scheme for students who "
      "want to work in the film industry.\n"
      "Its chief executive said the city had a long history of making films "
      "and was a natural choice for the new office.\n"
      "She added that work on the building would begin in March and should be "
      "finished before the end of the year.\n";
  CHECK(RepairText(news, WithWords()).text == news);
  const RepairResult r =
      RepairText(Accident(news, "the", "career"), WithWords());
  CHECK(r.text.find("Warner Brothers said") != std::string::npos);
  CHECK(r.text.find("there were queues") != std::string::npos);
  REQUIRE_FALSE(r.changes.empty());
  for (const Change& c : r.changes)
    CHECK(c.rule.find("substitution 'career'->'the'") == 0);
}

TEST_CASE(
    "words: an accident that damaged only capitalized words is found in "
    "them",
    "[words]") {
  // Every "day" became "qzvk", and only the days of the week held it:
  // Monqzvk, Thursqzvk and the rest are names to the learner (always
  // capitalized), and no unknown word holds the replaced string.
  const std::string news =
      "The strike by rail workers will begin on Monday and end on Thursday, "
      "the union said.\n"
      "Talks broke down late on Friday after managers rejected a new offer on "
      "pay and hours.\n"
      "Commuters were advised to plan ahead, as only one train in four is "
      "expected to run on Tuesday.\n"
      "The company said it would publish a reduced timetable on Sunday "
      "evening and keep stations open.\n"
      "Union leaders said they were ready to return to talks at any time "
      "before the action starts.\n";
  CheckAccidentUndone(news, "day", "qzvk", 5);
}

TEST_CASE(
    "words: a word family that is nearly all source is read by the words "
    "around it from the common letter strings",
    "[words]") {
  // Every "its" became "xq": "xq" itself and "unxq" (units) keep one or two
  // letters of their own, too few to search the lexicon by, so the target is
  // guessed among the letter strings common in English; with no reading of
  // the lexicon's for these words, the words around them choose among the
  // guesses ("company said _ sales", "housing _").
  const std::string news =
      "The company said its sales rose by a tenth last year, helped by strong "
      "demand for new homes.\n"
      "It sold more than four thousand housing units, and its order book for "
      "next year is already full.\n"
      "The firm plans to build another two thousand units on land it bought "
      "near the coast.\n"
      "Its chief executive said the company would keep its prices steady "
      "despite higher costs.\n";
  CheckAccidentUndone(news, "its", "xq", 5);
}

TEST_CASE(
    "words: a rule the document's evidence prefers gives way where the words "
    "around its words fit a rival far better",
    "[words]") {
  // Every "redi" became "consumer": cconsumert, cconsumertors and
  // cconsumerbility read as credit, creditors and credibility ("consumer" ->
  // "redi") or as visit, visitors and visibility ("cconsumer" -> "visi").
  // The absence of "visi" from a document this long says more than that of
  // "redi", so the second scored ahead; "_ cards", "_ rating", "_ crunch" and
  // "its _" say credit.
  const std::string news =
      "The bank said it would cut the interest on credit cards for small firms "
      "from next month.\n"
      "Its creditors have agreed to wait another year for the money they are "
      "owed.\n"
      "Analysts said the move would restore some credibility after a difficult "
      "year.\n"
      "Firms that rely on credit cards to pay their suppliers have struggled "
      "since the summer.\n"
      "The bank hopes that a better credit rating will help it win back "
      "customers it lost.\n"
      "Creditors said they welcomed the plan but wanted to see the details.\n"
      "Shares in the bank rose by four per cent in early trading on the news.\n"
      "The chief executive said the past year had been the hardest in its "
      "history.\n"
      "Profits fell by a third, as bad loans to builders and shops piled up.\n"
      "The bank has closed more than forty branches and cut two thousand "
      "jobs.\n"
      "Unions said the cuts had gone too far and that staff were working "
      "longer hours.\n"
      "The government, which owns a stake in the bank, said it backed the "
      "plan.\n"
      "Ministers want banks to lend more, and consumer groups have asked for "
      "lower fees.\n"
      "Some economists warned that the recovery was still fragile and could "
      "stall.\n"
      "Others pointed to rising house prices and stronger retail sales as good "
      "signs.\n"
      "The bank will publish its full results at the end of next month.\n"
      "Creditors will vote on the plan at a meeting in London in two weeks.\n"
      "The bank said its creditors had been patient and that it was grateful.\n"
      "The credit crunch has hurt lenders since the spring, and the bank is no "
      "exception.\n"
      "Its creditors include pension funds and several foreign banks.\n";
  CheckAccidentUndone(news, "redi", "consumer", 10);
}

TEST_CASE(
    "words: a rule two word families make gives way where the words around "
    "them fit another reading far better",
    "[words]") {
  // Every "ale" became "ndt": fairytndt, tndt and tndts are fairyland, land
  // and lands by "tndt" -> "land" (two word families, a rule by the
  // document's evidence), or fairytale, tale and tales by "ndt" -> "ale"
  // (one family: only the words around can tell), which "the _ of", "_ of
  // the sea" and "such _ of" do.
  const std::string news =
      "The film is a fairytale about a girl who finds a door to another world "
      "in her garden.\n"
      "Its director said she had loved such tales as a child and always wanted "
      "to film such tales of magic.\n"
      "The story is the tale of a lost prince, told to her by her "
      "grandmother.\n"
      "Critics praised the film's music and its young star, who is only ten "
      "years old.\n"
      "It opens in cinemas next month and will be shown at several festivals "
      "in the autumn.\n"
      "The studio hopes the fairytale will appeal to families as well as to "
      "older viewers.\n"
      "Her first film was also the tale of a young king who ran away from his "
      "castle.\n"
      "She said tales of the sea and of the forest had shaped all of her "
      "work.\n";
  CheckAccidentUndone(news, "ale", "ndt", 7);
}

TEST_CASE(
    "words: two misread words sharing letters are no accident the few words "
    "around them tell",
    "[words]") {
  // "li" read for "h" in who and the: "li" -> "hos" makes whoso and those
  // of them, and "burglar _ then" and "which _ family" hold one listed pair
  // between them. Each reads as a misreading of its own word, which a
  // reading on so few pairs must not contradict.
  const std::string text =
      "The actor chased a burglar wlio then leapt from a balcony of his "
      "London flat, police said.\n"
      "He told reporters it had been a difficult year in which tlie family "
      "had faced illness and money worries.\n"
      "The burglar, a man in his twenties, was arrested nearby and later "
      "released on bail.\n";
  const RepairResult r = RepairText(text, WithWords());
  CHECK(r.text.find("burglar who then") != std::string::npos);
  CHECK(r.text.find("which the family") != std::string::npos);
  for (const Change& c : r.changes) CHECK(c.rule.find("substitution") != 0);
}

TEST_CASE(
    "words: tokens the lexicon knows only as acronyms are an accident's "
    "evidence too",
    "[words]") {
  // Every "the" became "wy": the article's many "the" are now "wy", which
  // the lexicon knows only as an acronym (WY), and one other word holds it
  // (browyr). Counted as unknown words, the "wy" tokens let the words
  // around them read the accident ("of _ company", "for _ chairman").
  const std::string news =
      "The board of the company has agreed to buy back shares, to counter the "
      "effects of a dispute in the founding family.\n"
      "The buy-back is a victory for the chairman, whose idea it was. His "
      "brother, the deputy chairman, said he had not been consulted and that "
      "the plan was a mistake.\n"
      "The board hopes the move will reverse a fall in the shares since the "
      "dispute became public last month.\n"
      "Analysts said the plan was sensible, but warned that the quarrel could "
      "still hurt the group if it went to court.\n";
  CheckAccidentUndone(news, "the", "wy", 13);
}

TEST_CASE(
    "words: a short token the lexicon lacks, written again and again, is an "
    "accident's evidence",
    "[words]") {
  // Every "and" became "qvo": the article's many "and" are now "qvo", three
  // letters the lexicon lacks altogether, and one other word holds it
  // (islqvo, island). Written six times, the "qvo" tokens let the words
  // around them read the accident ("walkers _ climbers", "ferry _ the").
  const std::string news =
      "Walkers and climbers were warned to stay away from the island after "
      "storms damaged the path and the only bridge.\n"
      "The ferry and the harbour were closed for two days, and boats were "
      "tied up along the coast.\n"
      "Engineers said repairs would take weeks and cost more than the "
      "council had set aside.\n"
      "Local shops and cafes said the loss of visitors in the summer would "
      "hurt them.\n";
  CheckAccidentUndone(news, "and", "qvo", 7);
}

TEST_CASE(
    "words: names a rule makes known names are witnesses beside a short "
    "token",
    "[words]") {
  // Every "day" became "kwz": Monkwz, Frikwz and Sunkwz are names to the
  // learner (always capitalized), and "kwz" itself, written twice, is a
  // short token the lexicon lacks, a weak witness. The names the rule makes
  // names the lexicon knows are the witnesses it needs.
  const std::string news =
      "The festival opens on Monday with a concert in the park.\n"
      "Tickets for Friday sold out within a day, the organisers said.\n"
      "The last show, on Sunday, will end the day with fireworks over the "
      "river.\n";
  CheckAccidentUndone(news, "day", "kwz", 5);
}

TEST_CASE(
    "words: a replaced string that is a word only the largest lists have is "
    "read by the words around it",
    "[words]") {
  // Every "the" became "hwt": their, them, there and other confirm the rule,
  // and "hwt" itself, written six times, is a word of the lexicon's largest
  // list with no corpus count. The words around each ("that _ move", "for _
  // harbour") fit "the" far better; a pair the list lacks no longer makes
  // such a word seem to fit anywhere.
  const std::string news =
      "Analysts said that the move was aimed at winning over investors who "
      "opposed the bid.\n"
      "Critics of the takeover said their money could be better used, and "
      "the board told them there was no other plan.\n"
      "A spokesman for the harbour said the ferries would run again on "
      "Friday.\n";
  CheckAccidentUndone(news, "the", "hwt", 10);
}

TEST_CASE(
    "words: a short word the lexicon has only from its largest lists, written "
    "again and again, is an accident's evidence",
    "[words]") {
  // Every "the" became "hwt", a word of the lexicon's largest list with no
  // corpus count, and one other word holds it (brohwtr, brother). Written
  // eight times in lowercase, "hwt" is a weak witness, as an acronym's token
  // is, and the words around it read the accident ("of _ company", "for _
  // chairman").
  const std::string news =
      "The board of the company has agreed to buy back shares, to counter the "
      "effects of a dispute in the founding family.\n"
      "The move is a victory for the chairman, whose idea it was. His "
      "brother said he had not been consulted and that the plan was a "
      "mistake.\n"
      "Analysts said the plan was sensible, but warned that the quarrel could "
      "still hurt the group.\n";
  CheckAccidentUndone(news, "the", "hwt", 9);
}

TEST_CASE("words: a rule rewrites a token the lexicon knows only as an acronym",
          "[words]") {
  // Every "the" became "bcp": they, their, further and the rest, and "the"
  // itself seven times. BCP is an acronym the lexicon lists; written in
  // lowercase, "bcp" is no word, and the rule the other words confirm
  // rewrites it too.
  const std::string news =
      "The committee met on Thursday to discuss the budget for the coming "
      "year.\n"
      "Its members said they would not approve further spending until the "
      "council had explained where the money from the last grant had gone.\n"
      "Other councillors argued that the delays were hurting local schools, "
      "and that their own wards were losing out.\n"
      "The chairman said there would be another meeting next month, and that "
      "he hoped the two sides would agree by then.\n";
  CheckAccidentUndone(news, "the", "bcp", 14);
}

TEST_CASE(
    "words: one word family whose narrowest letters are its ending is read "
    "from its forms together",
    "[words]") {
  // Every "laim" became "jedrqb": claim, claims, claimed only. "c" alone
  // says nothing, and the endings ("ed", "s") narrow the lexicon too little
  // one at a time; the family's forms are read together from the words
  // ending like the narrowest one ("-ed"), as from the words beginning like
  // it, and the words around choose ("insurance claims", "claimed that").
  const std::string news =
      "The insurer said on Tuesday that insurance claims had risen sharply "
      "after the storms in the north of the country.\n"
      "Most of the claims came from home owners whose roofs were damaged, and "
      "the company claimed that it would settle them within a month.\n"
      "Its chief executive said the average claim had doubled, as builders "
      "were in short supply.\n"
      "Lawyers for some owners claimed that the firm had been slow to pay "
      "compensation claims in the past.\n"
      "Shares in the firm fell by 4% as investors worried that profits would "
      "suffer in the second half of the year.\n";
  CheckAccidentUndone(news, "laim", "jedrqb", 6);
}

TEST_CASE(
    "words: an accident's source written as a whole word is read by "
    "the words around it",
    "[words]") {
  // Every "the" became "then": "then" stands where "the" stood, and only the
  // word pairs around it tell ("over then river", "then money").
  const std::string bridge =
      "The council said on Monday that the new bridge over the river would "
      "open in the spring. Other towns along the coast had asked for a bridge "
      "of their own, but the money ran out before the work began. They said "
      "the work would start again when the weather improved, and that the "
      "cost would be shared with the county. Residents told the local paper "
      "that they had waited for the bridge for more than ten years. The mayor "
      "said there was no risk to the old bridge, which would stay open until "
      "the new one was ready, and then close for repairs.\n";
  const RepairResult r =
      RepairText(Accident(bridge, "the", "then"), WithWords());
  size_t by_context = 0;
  for (const Change& c : r.changes) {
    if (c.rule.find("by the words around it") == std::string::npos) continue;
    ++by_context;
    CHECK(c.before == "then");
    CHECK(c.after == "the");
  }
  CHECK(by_context >= 10);
  // A word the accident wrote is kept where it fits as it stands: "the press"
  // is the press, "asked press more" was "asked for more".
  const std::string minister =
      "The minister told the press on Friday that the plan for the new "
      "hospital was ready. Before the vote, he had asked for more information "
      "from the board, and the press office said a formal statement would "
      "follow. The former chairman, who was responsible for the budget, said "
      "the forecast for next year was good. He added that the press would be "
      "invited for a visit before the opening, and that the fortunes of the "
      "town depended on it.\n";
  const std::string damaged = Accident(minister, "for", "press");
  const RepairResult p = RepairText(damaged, WithWords());
  for (const Change& c : p.changes) {
    if (c.before == "press") {
      CHECK(c.after == "for");
      CHECK(damaged.substr(c.offset - 4, 4) != "the ");
    }
  }
  CHECK(p.text.find("told the press on Friday") != std::string::npos);
  CHECK(p.text.find("the press office") != std::string::npos);
  CHECK(p.text.find("the press would be invited for a visit") !=
        std::string::npos);
  CHECK(p.text.find("asked for more information") != std::string::npos);
}

TEST_CASE(
    "words: a rule that page-reader slips fit by coincidence is left to the "
    "per-word reading",
    "[words]") {
  // thcir and thcy share "thc", which "pa" makes pair and pay: two words, a
  // source no English word holds, and a rule stood. Each is one misreading
  // (c for e) from their and they. A rule that agrees with the slips'
  // readings (crovvd, novv: "ovv" -> "ow") may stand.
  const std::string text =
      "A large crowd gathered outside the theatre on Friday night to see the "
      "actors arrive for the premiere.\n"
      "The film, which has taken three years to make, is now expected to "
      "open in cinemas across the country next month.\n"
      "Its director said their hopes were high, and that they would tour the "
      "festivals in the spring.\n";
  std::string read = text;
  for (const auto& [word, misread] : {std::pair{"crowd", "crovvd"},
                                      {" now ", " novv "},
                                      {"their", "thcir"},
                                      {"they", "thcy"}})
    read = Damaged(read, word, misread);
  const RepairResult r = RepairText(read, WithWords());
  CHECK(r.text == text);
  for (const Change& c : r.changes) {
    if (c.before.rfind("thc", 0) == 0)
      CHECK(c.rule.find("misreading c->e") == 0);
  }
}

TEST_CASE("words: OCR misreadings are corrected word by word", "[words]") {
  // One misreading each, as a scanner makes them; the names around them are
  // words the lexicon lacks and stay.
  const struct {
    const char* clean;
    const char* misread;
  } kCases[] = {
      {"the mayor", "the rnayor"},
      {"construction", "constructlon"},
      {"next meeting", "next rneeting"},
      {"harbour would", "harhour would"},
      {"final decision", "final clecision"},
      {"more visitors", "more visltors"},
      // A short word with two letters swapped.
      {"discuss the new", "discuss hte new"},
  };
  const std::string tail =
      " Mr Bialiatski of the Vyasna group and Ms Kalesnikava said they would "
      "attend.\n";
  for (const auto& c : kCases) {
    std::string damaged = Damaged(kReport, c.clean, c.misread);
    damaged += tail;
    const RepairResult r = RepairText(damaged, WithWords());
    CHECK(r.text == kReport + tail);
    REQUIRE(r.changes.size() == 1);
    CHECK(r.changes[0].rule.rfind("misreading ", 0) == 0);
  }
}

TEST_CASE("words: the words around choose between close readings", "[words]") {
  // One letter too many leaves two readings the misreading alone cannot
  // tell apart (reduce or reduced, attended or attend); the word pairs they
  // make with the words around do.
  const struct {
    const char* clean;
    const char* misread;
    const char* context;
  } kCases[] = {
      {"would reduce the", "would reducee the", "'would _ the'"},
      {"residents attended the", "residents attendeed the",
       "'residents _ the'"},
      {"to review the", "to revieww the", "'to _ the'"},
  };
  for (const auto& c : kCases) {
    CAPTURE(c.misread);
    const std::string damaged = Damaged(kReport, c.clean, c.misread);
    const RepairResult r = RepairText(damaged, WithWords());
    CHECK(r.text == kReport);
    REQUIRE(r.changes.size() == 1);
    CHECK(r.changes[0].rule.find(std::string("which fits ") + c.context) !=
          std::string::npos);
  }
}

TEST_CASE("words: one run repairs what a second would", "[words]") {
  // A headline of mostly damaged words reads as another language until its
  // words are repaired; its suspects are corrected in the same run once the
  // fixes learned elsewhere (rnayor) make it English.
  const std::string damaged = "Harbour rnayor qucstioned by councll\n\n" +
                              Damaged(kReport, "the mayor", "the rnayor");
  const std::string once = RepairText(damaged, WithWords()).text;
  CHECK(once == "Harbour mayor questioned by council\n\n" + kReport);
  CHECK(RepairText(once, WithWords()).text == once);
  // A fix is applied before a plural's possessive apostrophe too.
  const std::string fixed =
      RepairText(Damaged(kReport, "their boats", "their boatts' moorings"),
                 WithWords())
          .text;
  CHECK(fixed.find("their boats' moorings") != std::string::npos);
}

TEST_CASE("words: a misread name is read as the name the document writes",
          "[words]") {
  // A word capitalized in mid-sentence is a name: it is read only as a name
  // the lexicon knows and the document writes elsewhere, through the
  // table's misreadings.
  const std::string tail =
      "Engineers from Microsoft and Siemens visited the site, and a "
      "Mlcrosoft spokesman said the harbour office would use its software.\n";
  CHECK(RepairText(kReport + tail, WithWords()).text ==
        kReport +
            "Engineers from Microsoft and Siemens visited the site, and "
            "a Microsoft spokesman said the harbour office would use its "
            "software.\n");
  // A name one misreading from a known name the document never writes is
  // a name in its own right (Deppler is not Doppler here)...
  const std::string other =
      "The engineer, Mr Deppler, said the Escondida team would help.\n";
  CHECK(RepairText(kReport + other, WithWords()).text == kReport + other);
  // ...unless that name is a long and common one (Jolinson, with "li" read
  // for "h", is Johnson; a short one is left: see the next test's Jolin).
  const std::string common =
      "The engineer, Mr Jolinson, said the harbour team would help.\n";
  CHECK(RepairText(kReport + common, WithWords()).text ==
        kReport +
            "The engineer, Mr Johnson, said the harbour team would help.\n");
}

TEST_CASE("words: a capitalized misreading of a common word is read as it",
          "[words]") {
  // Capitalized in mid-sentence (a title, a proper noun), one misreading from
  // a word among the most common in lowercase use: read as that word, even
  // when the document does not write it elsewhere.
  const std::string misread =
      "The harbour film won an Acadcmy award and a Natioual prize.\n";
  CHECK(RepairText(kReport + misread, WithWords()).text ==
        kReport +
            "The harbour film won an Academy award and a National prize.\n");
  const std::vector<std::string> names = {
      // Beside another name: a name among names (Chango is not Change).
      "The accordion player Chango Spasiuk gave a concert at the harbour.\n",
      // A common name is no word in lowercase use (Jolin is not John).
      "The singer Jolin gave a concert at the harbour.\n",
  };
  for (const std::string& text : names) {
    INFO(text);
    CHECK(RepairText(kReport + text, WithWords()).text == kReport + text);
  }
}

TEST_CASE("words: a short word starting a sentence is read as a function word",
          "[words]") {
  // A short capitalized word the lexicon lacks is mostly a name (Jef, Ivo),
  // but one that only ever starts a sentence is read as a function word the
  // table's misreadings make of it (Fhe, Bnt), and as nothing else.
  const std::string text =
      "Fhe board approved the plan. Bnt asked, Jef said he was pleased. "
      "Ivo agreed. Shc said so too.\n";
  CHECK(RepairText(kReport + text, WithWords()).text ==
        kReport +
            "The board approved the plan. But asked, Jef said he was "
            "pleased. Ivo agreed. She said so too.\n");
}

TEST_CASE("words: an apostrophe's meaning is kept", "[words]") {
  // Letters left out on purpose ('orrible) are not put back, and a plural's
  // possessive keeps its s (childrens' is not read children').
  for (const char* line :
       {"Fishermen said the new moorings were 'orrible.\n",
        "The council discussed the childrens' playground.\n"}) {
    const std::string text = kReport + line;
    CHECK(RepairText(text, WithWords()).text == text);
  }
}

TEST_CASE("words: a word the page's reader was sure of is left as read",
          "[words]") {
  // Text read from a page image, with Tesseract's confidence in its words
  // (offset, length, confidence): an unknown word read surely is a name or
  // a rare word the lexicon lacks, read right; an unsure one is corrected.
  std::string page = kReport;
  const size_t at = page.find("next meeting") + 5;
  page.replace(at, 7, "rneeting");
  std::unique_ptr<Repairer> repairer;
  REQUIRE(Repairer::Create(WithWords(), &repairer).ok());
  const struct {
    float confidence;
    bool corrected;
  } kCases[] = {{0.97f, false}, {0.93f, false}, {0.6f, true}, {0.1f, true}};
  for (const auto& c : kCases) {
    CAPTURE(c.confidence);
    // Every other word read surely ("said," read as one word: its token
    // "said" gets the confidence).
    std::vector<WordReading> readings;
    for (size_t i = 0; i < page.size();) {
      const size_t end = std::min(page.find_first_of(" \n", i), page.size());
      if (end > i) readings.push_back({i, end - i, 0.96f, {}});
      i = end + 1;
    }
    for (WordReading& r : readings) {
      if (r.offset == at) r.confidence = c.confidence;
    }
    RepairResult r;
    REQUIRE(repairer->Repair(page, readings, &r).ok());
    CHECK((r.text == kReport) == c.corrected);
    CHECK((r.text == page) == !c.corrected);
  }
  // A reading that runs past the input's end is ignored, not cut short:
  // cut, it would mark the misread word sure.
  RepairResult r;
  REQUIRE(repairer->Repair(page, {{at, page.size(), 1.0f, {}}}, &r).ok());
  CHECK(r.text == kReport);
}

TEST_CASE("words: a rare reading the pair list lacks does not fit every place",
          "[words]") {
  // bext is an ordinary edit from best, next and text. "the best plan" is a
  // listed pair; a rarer reading whose pairs the list lacks must not seem
  // to fit "the _ plan" better than chance (which, measured against its own
  // small count, any unlisted pair would).
  const std::string page =
      "The council said the bext plan would be ready by the end of the "
      "summer.\n";
  const RepairResult r = RepairText(page, WithWords());
  CHECK(r.text ==
        "The council said the best plan would be ready by the end of the "
        "summer.\n");
}

TEST_CASE("words: the page reader's own other readings of an unsure word",
          "[words]") {
  std::unique_ptr<Repairer> repairer;
  REQUIRE(Repairer::Create(WithWords(), &repairer).ok());
  // "bext" and "lasd" lie an ordinary edit from several words (best, next,
  // text; last, land, lose), and the words around do not tell them apart:
  // left alone on their own, read as the word the reader itself nearly
  // chose.
  for (const auto& [misread, meant] :
       {std::pair{"bext", "best"}, std::pair{"lasd", "last"}}) {
    const std::string page =
        std::string("The council chose ") + misread + ", they said.\n";
    const size_t at = page.find(misread);
    const std::string fixed =
        std::string("The council chose ") + meant + ", they said.\n";
    RepairResult r;
    REQUIRE(repairer->Repair(page, {{at, 4, 0.6f, {}}}, &r).ok());
    CHECK(r.text == page);
    REQUIRE(repairer->Repair(page, {{at, 4, 0.6f, {meant}}}, &r).ok());
    CHECK(r.text == fixed);
    REQUIRE(r.changes.size() == 1);
    CHECK(r.changes[0].rule.find("second choice") != std::string::npos);
    // Not when the reader was sure of the word, nor when its other reading
    // is no word.
    REQUIRE(repairer->Repair(page, {{at, 4, 0.95f, {meant}}}, &r).ok());
    CHECK(r.text == page);
    REQUIRE(repairer->Repair(page, {{at, 4, 0.6f, {"bzzt"}}}, &r).ok());
    CHECK(r.text == page);
  }
}

TEST_CASE("words: words split by a stray space or run together", "[words]") {
  const struct {
    const char* clean;
    const char* broken;
  } kCases[] = {
      {"the engineers have", "the engi neers have"},  // a stray space
      {"residents attended", "resi dents attended"},
      {"the contractor had", "the contrac tor had"},
      {"agreed to review", "agreed toreview"},  // a lost space
      {"it would take", "itwould take"},
  };
  for (const auto& c : kCases) {
    const std::string damaged = Damaged(kReport, c.clean, c.broken);
    const RepairResult r = RepairText(damaged, WithWords());
    CHECK(r.text == kReport);
    REQUIRE(r.changes.size() == 1);
  }
  // A token two pairs share ("ten th ousand") is joined once, never twice
  // (overlapping edits once duplicated the line).
  const std::string chain =
      "Town plans to plant ten th ousand trees\n\n" + kReport;
  const std::string out = RepairText(chain, WithWords()).text;
  CHECK(out.find("ousand trees\n\n" + kReport) != std::string::npos);
  CHECK(std::count(out.begin(), out.end(), '\n') ==
        std::count(chain.begin(), chain.end(), '\n'));
  // A misreading does not write what an edit then deletes: "inwhich" is no
  // "which" with "in" read "m" and the "m" lost (two letters lost at the
  // cost of a misreading and one), but two words run together, even where
  // the document writes "which" often.
  const std::string flooding =
      "The committee published a report which described the flooding, which "
      "had closed the main road for a week. Residents asked which agency was "
      "responsible for the drains, which had not been cleared since the "
      "spring. The report listed the streets in which water had entered "
      "homes, and the council said it would repair the drains before the "
      "winter.\n";
  CHECK(
      RepairText(Damaged(flooding, "in which", "inwhich"), WithWords()).text ==
      flooding);
  // Two words that are words apart stay apart; a compound of two content
  // words the lexicon lacks is not split.
  const std::string kept =
      kReport + "Some one asked in to the matchday plans.\n";
  CHECK(RepairText(kept, WithWords()).text == kept);
}

TEST_CASE("words: pieces of words a page lost are not misreadings", "[words]") {
  // OCR output that dropped part of a word: the piece is left alone rather
  // than read as another short word ("enh" is not "end").
  const std::string text =
      kReport +
      "The board said it would share r ibility for the plan and greatly enh "
      "our flexibility, holdi the meeting in March.\n";
  CHECK(RepairText(text, WithWords()).text == text);
}

TEST_CASE("words: a three-letter word is read through an ordinary edit",
          "[words]") {
  // wss and fbr are one letter from was and for; ofl is not read as the
  // two-letter of (a letter dropped), where oil was meant.
  const std::string text =
      kReport +
      "The minister said that the plan wss ready fbr the board. Prices rose "
      "with the ofl price.\n";
  const std::string out = RepairText(text, WithWords()).text;
  CHECK(out.find("plan was ready for the board") != std::string::npos);
  CHECK(out.find("the of price") == std::string::npos);
  CHECK(out.size() == text.size());
}

TEST_CASE("words: a word that also begins a longer one is still read",
          "[words]") {
  // corne begins corner and trom ends nothing common, but come and from are
  // far likelier than a lost piece; thei begins their, and reading it as
  // the would drop a letter a piece keeps.
  const std::string text =
      kReport +
      "The minister said that she would corne back to the plan in March, "
      "trom the start of the year, and that the board would share thei "
      "views.\n";
  const RepairResult r = RepairText(text, WithWords());
  std::string want = text;
  want.replace(want.find("corne"), 5, "come");
  want.replace(want.find("trom"), 4, "from");
  CHECK(r.text == want);
}

TEST_CASE("words: a name misread once is read as the document writes it",
          "[words]") {
  // Names the lexicon lacks, each written twice, and misread once: two
  // letters swapped (Varnhlot) and u read as n (Qnisberg).
  const std::string clean =
      "The festival opened on Friday with a new play by Marta Varnholt, whose "
      "first work won the drama prize three years ago. Varnholt said the play "
      "had taken her two winters to write.\n"
      "Critics praised the lead, Tomas Quisberg, who also starred in her last "
      "play. Quisberg was on stage for almost the whole evening.\n"
      "The run has been extended to March, and {V} is already writing the "
      "next one, in which {Q} will play a retired sailor.\n";
  const auto with = [&](const std::string& v, const std::string& q) {
    std::string t = clean;
    t.replace(t.find("{V}"), 3, v);
    t.replace(t.find("{Q}"), 3, q);
    return t;
  };
  const RepairResult r = RepairText(with("Varnhlot", "Qnisberg"), WithWords());
  CHECK(r.text == with("Varnholt", "Quisberg"));
  REQUIRE(r.changes.size() == 2);
  CHECK(r.changes[0].rule ==
        "misreading of a capitalized word the document writes (Varnholt: the "
        "only one a slip away, written 2 times)");
  // What is left alone: a name within reach of two of the document's
  // (Brannan: Branan with n doubled, Bronnan with o read as a); another
  // spelling of an East Slavic name, the name stage's to decide (Zhyrenka
  // beside Zhyrenko: they differ at the end); a name a slip away from a word of
  // lowercase use (Liffe beside Standard Life); a name the document writes once
  // only (Quisberg).
  const std::string traps =
      "Maria Branan and Josef Bronnan ran the bar. Branan and Bronnan later "
      "sold it to Ewa Brannan.\n"
      "The producer, Pavel Zhyrenko, thanked Alena Zhyrenka for the set. "
      "Zhyrenko has worked with the festival since it began.\n"
      "Standard Life, which sponsors it, trades on Liffe in London. Standard "
      "Life also backs the film week.\n"
      "Critics praised the lead, Tomas Quisberg, and Tomas Qnisberg.\n";
  CHECK(RepairText(traps, WithWords()).text == traps);
}

TEST_CASE("words: a word written the same way twice is not corrected",
          "[words]") {
  // Twice in one form is how the document spells it, not a misreading.
  const std::string text =
      kReport + "The harhour board met. The harhour board agreed.\n";
  CHECK(RepairText(text, WithWords()).text == text);
}

TEST_CASE(
    "words: a form written more than once is read through the misreadings "
    "the page reader made throughout the document",
    "[words]") {
  // A scanner that reads "e" as "c": three words misread once each confirm
  // it, and "mceting", written twice, is then "meeting" too.
  const auto scan =
      [](std::string text,
         std::initializer_list<std::pair<const char*, const char*>> misread) {
        for (const auto& [clean, as_read] : misread)
          text = Damaged(text, clean, as_read);
        return text;
      };
  const std::string scanned = scan(kReport, {{"noise", "noisc"},
                                             {"the space", "the spacc"},
                                             {"estimates", "estimatcs"},
                                             {"meeting", "mceting"},
                                             {"meeting", "mceting"}});
  const RepairResult r = RepairText(scanned, WithWords());
  CHECK(r.text == kReport);
  size_t repeated = 0;
  for (const Change& c : r.changes) {
    if (c.before != "mceting") continue;
    ++repeated;
    CHECK(c.rule.find("written 2 times") != std::string::npos);
  }
  CHECK(repeated == 2);

  // Without the words that confirm the misreading, twice is how the document
  // spells it.
  const std::string twice =
      scan(kReport, {{"meeting", "mceting"}, {"meeting", "mceting"}});
  CHECK(RepairText(twice, WithWords()).text == twice);

  // A misreading the document does not confirm (h read as b) leaves a form
  // written twice alone, though another one is confirmed.
  const std::string other =
      scan(kReport, {{"noise", "noisc"},
                     {"the space", "the spacc"},
                     {"estimates", "estimatcs"}}) +
      "The harhour board met. The harhour board agreed.\n";
  const RepairResult o = RepairText(other, WithWords());
  CHECK(o.text ==
        kReport + "The harhour board met. The harhour board agreed.\n");
}

TEST_CASE(
    "words: a slip of one of the commonest words is read so, written more "
    "than once",
    "[words]") {
  // "the" typed or read as "hte" twice, in a document that writes "the" ninety
  // times: no spelling of its own; so is "Tbe", twice where a sentence
  // starts. "mooringss", written twice too, is left as the document spells
  // it: moorings is no such common word.
  std::string text = kReport + kReport + kReport;
  std::string clean = text;
  const auto damage = [&](std::string_view from, std::string_view to,
                          size_t nth) {
    size_t at = 0;
    for (size_t k = 0; k <= nth; ++k) at = text.find(from, k == 0 ? 0 : at + 1);
    REQUIRE(at != std::string::npos);
    text.replace(at, from.size(), to);
  };
  damage(" the cost", " hte cost", 0);
  damage(" the plan again", " hte plan again", 2);
  damage("moorings", "mooringss", 0);
  damage("moorings", "mooringss", 1);
  damage(". The mayor", ". Tbe mayor", 0);
  damage(". The council", ". Tbe council", 2);
  const RepairResult r = RepairText(text, WithWords());
  std::string expected = clean;
  for (size_t k = 0; k < 2; ++k)
    expected.replace(expected.find("moorings "), 9, "mooringss ");
  CHECK(r.text == expected);
  size_t slips = 0;
  for (const Change& c : r.changes) {
    if (c.before != "hte" && c.before != "Tbe") continue;
    ++slips;
    CHECK(c.after == (c.before == "hte" ? "the" : "The"));
    CHECK(c.rule.find("written 2 times beside") != std::string::npos);
  }
  CHECK(slips == 4);
}

// kReport broken into lines of about `width` bytes, with words hyphenated at
// the line ends the way a typesetter breaks them (after their first `head`
// letters).
std::string Typeset(const std::string& text, size_t width, size_t head) {
  std::string out;
  size_t column = 0;
  size_t i = 0;
  while (i < text.size()) {
    size_t j = text.find_first_of(" \n", i);
    if (j == std::string::npos) j = text.size();
    const std::string word = text.substr(i, j - i);
    const bool letters = word.size() > head + 3 &&
                         std::all_of(word.begin(), word.end(), [](char c) {
                           return std::islower(static_cast<unsigned char>(c));
                         });
    if (column + word.size() > width && letters && column > 0) {
      out += word.substr(0, head) + "-\n" + word.substr(head);
      column = word.size() - head;
    } else {
      out += word;
      column += word.size();
    }
    if (j < text.size()) {
      out += text[j];
      column = text[j] == '\n' ? 0 : column + 1;
    }
    i = j + 1;
  }
  return out;
}

// The text with each hyphen at a line end and the line break after it
// moved behind the rest of the word, as the word stage joins them.
std::string Joined(const std::string& text) {
  std::string out = text;
  for (size_t h; (h = out.find("-\n")) != std::string::npos;) {
    size_t end = h + 2;
    while (end < out.size() && out[end] != ' ' && out[end] != '\n') ++end;
    const std::string rest = out.substr(h + 2, end - h - 2);
    out.replace(h, end - h + 1, rest + "\n");
  }
  return out;
}

TEST_CASE("words: line-end hyphenation is joined, compounds keep theirs",
          "[words]") {
  const std::string title = "Harbour plan\n";
  for (const size_t head : {2, 3, 4}) {
    const std::string broken = title + Typeset(kReport, 60, head);
    REQUIRE(broken.find("-\n") != std::string::npos);
    const RepairResult r = RepairText(broken, WithWords());
    CHECK(r.text == title + Joined(Typeset(kReport, 60, head)));
    for (const Change& c : r.changes)
      CHECK(c.rule.rfind("line-end hyphenation (", 0) == 0);
  }
  // Compounds and words the document writes with a hyphen stay.
  const std::string kept = title + kReport +
                           "A well-\nknown builder and a long-\nterm "
                           "plan. The sea-\nwall is near the new sea-wall "
                           "gate.\n";
  CHECK(RepairText(kept, WithWords()).text == kept);
  // The document's own spelling joins a name the lexicon lacks.
  const std::string name = title + kReport +
                           "Ms Tsikhanouskaya spoke. Later Tsikhanou-\nskaya "
                           "left.\n";
  CHECK(RepairText(name, WithWords()).text ==
        title + kReport +
            "Ms Tsikhanouskaya spoke. Later Tsikhanouskaya\nleft.\n");
}

TEST_CASE("words: case is kept", "[words]") {
  const std::string damaged =
      Accident(kReport, "tion", "zq") + "CONSTRUCZQ. Construczq.\n";
  const RepairResult r = RepairText(damaged, WithWords());
  CHECK(r.text == kReport + "CONSTRUCTION. Construction.\n");
}

TEST_CASE("words: clean text, names and other languages are left alone",
          "[words]") {
  const std::string texts[] = {
      kReport,
      // Names the lexicon does not know, used consistently: never "repaired".
      "Councillor Zvarkovich met Ms Taliaskaya on Monday. Zvarkovich said the "
      "plan was sound; Taliaskaya disagreed. Later Zvarkovich's office and "
      "Taliaskaya's staff issued a joint statement about the harbour plan.\n",
      // A name that starts a sentence: its first name is one misreading
      // from a word (Radiy, radio), but a surname the lexicon lacks follows.
      "Radiy Khabirov spoke on Monday. Later Khabirov said more. The talks "
      "went on.\n",
      // Identifiers, URLs, addresses and acronyms.
      "See https://example.org/harbourplan_v2 or mail plans@council.example; "
      "the file hrbr_plan2 and getHarbourPlan() hold the XQZT figures.\n",
      // Another language is not English with many unknown words.
      "Die Gemeinde besprach am Montag den neuen Hafenplan. Die Anwohner "
      "äußerten Bedenken wegen des Lärms während der Bauarbeiten.\n",
  };
  for (const std::string& t : texts) {
    INFO(t);
    const RepairResult r = RepairText(t, WithWords());
    CHECK(r.text == t);
    CHECK(r.changes.empty());
  }
}

TEST_CASE("words: one damaged word is not enough evidence", "[words]") {
  // A single unknown word could be anything; no rule is learned from it.
  const std::string t = kReport + "The qxarbour was calm.\n";
  CHECK(RepairText(t, WithWords()).text == t);
}

TEST_CASE(
    "words: an accident that damaged one word family is read by the "
    "words around it",
    "[words]") {
  // "ern" became "xqj" in government and governments only: one family, whose
  // every reading ("gov" + ? + "ment") the words around it tell apart.
  const std::string damaged =
      "The council met on Tuesday to discuss the state of housing in the "
      "town.\n"
      "Officials said the govxqjment had cut its grant for a third year, and "
      "that\nlocal govxqjment could not repair the empty homes on the east "
      "side alone.\nThe mayor wrote to the govxqjment asking for help. Other "
      "towns have asked\nnational govxqjments for the same help, with mixed "
      "results.\nResidents said the govxqjment should act before winter.\n";
  const RepairResult r = RepairText(damaged, WithWords());
  CHECK(r.text.find("xqj") == std::string::npos);
  CHECK(r.text.find("national governments for") != std::string::npos);
  REQUIRE_FALSE(r.changes.empty());
  CHECK(r.changes[0].rule.find("by the words around them") !=
        std::string::npos);
  // Where the words around it fit several readings as well (houses,
  // homes, hoses), the family is left alone.
  const std::string open =
      "The council met on Tuesday to discuss the state of housing in the "
      "town.\n"
      "Officials said the number of empty hzqwves had risen for a third year, "
      "and that\nmany hzqwves on the east side needed new roofs. One hzqwve "
      "on Mill Street had\nbeen empty since the flood. The council agreed to "
      "buy the hzqwve and repair it.\nResidents asked why so many hzqwves "
      "were left to decay while families waited\nfor homes. The mayor said "
      "the budget would cover repairs to forty hzqwves.\n";
  CHECK(RepairText(open, WithWords()).text == open);
}

TEST_CASE(
    "words: a split word's last part is joined with a stray-space "
    "piece after it",
    "[words]") {
  // `inthe` is read as `in the`, which leaves `the se`: read in one run as
  // a second run would read it.
  const std::string in =
      "The council met inthe se rooms on Monday and said the plan was good.\n";
  const RepairResult r = RepairText(in, WithWords());
  CHECK(r.text ==
        "The council met in these rooms on Monday and said the plan was "
        "good.\n");
  CHECK(RepairText(r.text, WithWords()).changes.empty());
}

TEST_CASE("words: the stage can be turned off", "[words]") {
  Options o;
  o.words = false;
  const std::string damaged = Accident(kReport, "tion", "zq");
  CHECK(RepairText(damaged, o).text == damaged);
}

TEST_CASE("words: streaming in any chunks gives the one-shot result",
          "[words]") {
  const std::string damaged = Accident(
      "Harbour plan\n" + kReport + Typeset(kReport, 50, 3), "tion", "zq");
  auto repairer = MakeRepairer(WithWords());
  RepairResult one;
  REQUIRE(repairer->Repair(damaged, &one).ok());
  class Collect final : public OutputSink {
   public:
    Status Append(std::string_view t) override {
      text.append(t);
      return Status::Ok();
    }
    std::string text;
  } sink;
  auto stream = repairer->NewStream(&sink);
  for (size_t i = 0; i < damaged.size(); i += 7) {
    REQUIRE(stream->Write(std::string_view(damaged).substr(i, 7)).ok());
  }
  REQUIRE(stream->Finish().ok());
  CHECK(sink.text == one.text);
  CHECK(one.text ==
        "Harbour plan\n" + kReport + Joined(Typeset(kReport, 50, 3)));
}

TEST_CASE("words: ReplaceAll", "[words]") {
  CHECK(ReplaceAll("prisstartrs", "start", "one") == "prisoners");
  CHECK(ReplaceAll("startstart", "start", "one") == "oneone");
  CHECK(ReplaceAll("none", "start", "one") == "none");
  // (An empty pattern replaces nothing.)
  CHECK(ReplaceAll("none", "", "one") == "none");
}

}  // namespace
}  // namespace textmend

namespace textmend {
namespace {

TEST_CASE(
    "words: a paragraph in another language is neither evidence nor "
    "rewritten",
    "[words]") {
  // The English report lost every "tion" to "zq"; a German paragraph of the
  // same document happens to hold a word with "zq" that the rule would turn
  // into an English word. The English is repaired, the German left alone.
  const std::string german =
      "Stazq und Hafen bleiben geschlossen, meldete die Stadtverwaltung "
      "gestern wegen der Bauarbeiten.\n";
  const std::string damaged = Accident(kReport, "tion", "zq") + german;
  const RepairResult r = RepairText(damaged, WithWords());
  CHECK(r.text == kReport + german);
}

}  // namespace
}  // namespace textmend
