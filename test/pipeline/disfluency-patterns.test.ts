// Spec tests for the disfluency patterns mined from the Rev16 / Disfl-QA dev misses:
// interruptions vs cut-offs, acknowledgement sentences, abandoned starts,
// "I mean" as a gloss, and self-repairs with parallel reparanda.
import { describe, expect, it } from "vitest";
import { disfluencyOnly, runText } from "./helpers.js";

const clean = disfluencyOnly();
const text = (input: string) => runText(clean, input).text;

describe("disfluency / filler: acknowledgement sentences and openers", () => {
  it.each([
    ["It's a sub. Yeah. It's a spook boat.", "It's a sub. It's a spook boat."],
    ["We went home. Oh yeah. Then we ate.", "We went home. Then we ate."],
    ["That was it. Right. So we left.", "That was it. So we left."],
    ["It's a sub. Yeah, it's a spook boat.", "It's a sub. It's a spook boat."],
    ["We ate. Oh, I was so hungry.", "We ate. I was so hungry."],
    ["It was a limited run. Sure. We sold out.", "It was a limited run. We sold out."],
    ["He stops the show. True. He does it every night.", "He stops the show. He does it every night."],
  ])("drops the tic in %j", (input, expected) => {
    expect(text(input)).toBe(expected);
  });

  it.each([
    "Yeah. I would.", "Yeah, I would.", "It was fine. Yeah.", "Did you go? Yes. We went.", "Did you go? No. We stayed.",
    "We left. Okay. Then we ate.", "I like it", "I mean it", "it was literally fine", "it was entirely fine", "we went as well.",
  ])("keeps %j", (input) => {
    expect(text(input)).toBe(input);
  });
});

describe("disfluency / filler: interjections inside raw ASR (no punctuation anywhere)", () => {
  it.each([
    ["that was a great game yeah but it's never been the same", "that was a great game but it's never been the same"],
    ["josh your line is open yeah go ahead josh", "josh your line is open go ahead josh"],
    ["mama is out here oh getting ready to sit down", "mama is out here getting ready to sit down"],
    // A tag "right" asking for agreement before a new clause.
    ["lots of people were on the sidelines right but as we ramp up", "lots of people were on the sidelines but as we ramp up"],
    ["i have a story right um i used to work there", "i have a story i used to work there"],
    // The hesitation goes; "right" before "when" is the adverb and stays.
    ["you get your earnings right uh when construction happens", "you get your earnings right when construction happens"],
  ])("drops the interjection in %j", (input, expected) => {
    expect(text(input)).toBe(expected);
  });

  it.each([
    "yeah i think so", "so yeah i do a lot of those", "i'm like oh man i wish i had", "he said yeah we can do that",
    "my first thought was oh my god", "anyways yeah i hope that answers it", "it was fine yeah",
    "we are right on track", "you are right so we left", "we got the right mix at the right price",
    "i'll do it right now", "she was totally right i think", "it was all right so we stayed", "is that right",
    // Punctuated text shows the interjection's place; the raw-ASR reading is not needed there.
    "It was a great game, yeah, a great one.",
  ])("keeps %j", (input) => {
    expect(text(input)).toBe(input);
  });
});

describe("disfluency / self_repair: interruptions are not cut-offs", () => {
  it("keeps the word a backchannel interrupted", () => {
    expect(text("The picture of all of them- Yeah. standing there")).toBe("The picture of all of them standing there");
    expect(text("Shut up- mm-hmm about mine.")).toBe("Shut up about mine.");
  });

  it("still drops a word the speaker broke off", () => {
    expect(text("I went to the- because it was late")).toBe("I went to because it was late");
  });

  it.each([
    ["One way or the next- Period. you're going to give honor", "One way or the next you're going to give honor"],
    ["I read books about this- Yeah, yeah. and I'm hooked", "I read books about this and I'm hooked"],
    ["the whole night and- For sure. people came", "the whole night and people came"],
  ])("drops a short remark cutting into a broken-off sentence that goes on in lowercase: %j", (input, expected) => {
    expect(text(input)).toBe(expected);
  });

  it.each([
    ["They won by a larger margin than- Oh yeah. Sinema.", "They won by a larger margin than Sinema."],
    ["It was the thing to do in- Oh, yeah. Middle school, mostly.", "It was the thing to do in Middle school, mostly."],
  ])("drops a listener's acknowledgement cutting in, whatever follows it: %j", (input, expected) => {
    expect(text(input)).toBe(expected);
  });

  it.each([
    "I got a great picture- No way. I got a picture.", "The whole night and- For sure. People came.",
    "It was late. No way. We stayed.",
  ])("keeps a remark after which a new sentence begins: %j", (input) => {
    expect(text(input)).toBe(input);
  });
});

describe("disfluency / self_repair: abandoned starts", () => {
  it.each([
    ["Like, the, it's not that big.", "It's not that big."],
    ["and I, it literally felt like magic", "and it literally felt like magic"],
    ["in the office and I… we worked late", "in the office and we worked late"],
  ])("drops the hanging word in %j", (input, expected) => {
    expect(text(input)).toBe(expected);
  });

  it.each(["I, for one, agree", "we, the people, agree", "the big, red house", "I, too, went"])("keeps %j", (input) => {
    expect(text(input)).toBe(input);
  });

  it("the self_repair class switch turns it off", () => {
    const input = "and I, it literally felt like magic";
    expect(runText(disfluencyOnly({}, { self_repair: false }), input).text).toBe(input);
  });
});

describe("disfluency / discourse_filler: 'I mean' between commas is a gloss", () => {
  it("only suggests it", () => {
    const r = runText(clean, "it was, I mean, pretty good");
    expect(r.text).toBe("it was, I mean, pretty good");
    expect(r.edits.every((e) => !e.applied)).toBe(true);
  });
});

describe("disfluency / self_repair: parallel repairs (Disfl-QA)", () => {
  it.each([
    ["What evolved 3 billion or no make that 5.3 billion years ago?", "What evolved 5.3 billion years ago?"],
    ["In what form is oxygen transported in large containers no sorry smaller containers?", "In what form is oxygen transported in smaller containers?"],
    ["What was Henry IV known as after taking the throne no sorry before taking the throne?", "What was Henry IV known as before taking the throne?"],
    ["Which resort no coast is the desert on?", "Which coast is the desert on?"],
    // a preposition left hanging goes with the word before it
    ["What King cared for no wait looked out for the group?", "What King looked out for the group?"],
    ["Where was Guyard de Moulin from or no I mean Jean de Rely from?", "Where was Jean de Rely from?"],
    // a capital inside the sentence is a name's, though it spells a pronoun
    ["What did the US or no make that UK require?", "What did the UK require?"],
    ["What could no did Alec propose?", "What did Alec propose?"],
    ["How many people were um no weren't in the colonies?", "How many people weren't in the colonies?"],
    ["What is another name for State Route 168 no no State Route 99 rather?", "What is another name for State Route 99?"],
    ["What is the time element between three sorry no two or more parties?", "What is the time element between two or more parties?"],
    ["What kind of force does not exist under Newton's first law, uh third law?", "What kind of force does not exist under Newton's third law?"],
    // "no" before an article is a cue even after a verb that takes "no" as a determiner ("cause no harm").
    ["What was the cause no the proposed solution to the tax issues?", "What was the proposed solution to the tax issues?"],
    ["What term corresponds to the function of no the minimum measurement?", "What term corresponds to the minimum measurement?"],
    // The restart goes back to the copy of the repair's first two words, not the nearest copy of one.
    ["The censuring of the European Court of Justice er sorry of the Santer Commission resulted in which case?", "The censuring of the Santer Commission resulted in which case?"],
    // A figure corrected by a figure, with the words between echoed.
    ["What was organized in 2006 no I guess classified in 2008?", "What was classified in 2008?"],
    ["What kind of economy did the north start to grow in 2005 sorry I meant the 2000s?", "What kind of economy did the north start to grow in the 2000s?"],
  ])("repairs %j", (input, expected) => {
    expect(text(input)).toBe(expected);
  });

  it("a bare 'uh' without an echo is only a filler", () => {
    expect(text("What is red wine, uh, made from?")).toBe("What is red wine made from?");
  });

  it.each([
    "Which law requires no qualifications?", "What offered no value?", "Which jurisdictions exist no longer?",
    "Who had no real power?", "The club had had no wins.", "It was very very cold.", "I said that that was fine.",
    "Smoking can cause no end of trouble.",
  ])("keeps %j", (input) => {
    expect(text(input)).toBe(input);
  });
});

// Written prose (LibriTTS reference text) holds none of the disfluencies: each of these was once
// removed from it, and each shape also occurs in fluent speech.
describe("disfluency / fluent sentences stay whole", () => {
  it.each([
    // an elided clause, an inverted subject before a quotation, a regnal numeral
    "what elemental thoughts and feelings, if any, the real Audrey was made of",
    '"Sir," said he, "I am chief clerk of the house."',
    "He was the son of the eldest daughter of Charles I, and to him the eyes turned.",
    // a capital "A" inside a sentence names a point, not an article left hanging
    "Notch it deeply at A, where it is to receive the trigger.",
    // a closed-class word ending one sentence and opening the next; initials
    "They had not ceased to hope for. For this she was prepared.",
    "Edwin Hatch, D. D., Vice-Principal of the Hall",
    // fixed pairs and the degree adverb
    "At that time little or no attention was paid to it.",
    "We left with coal on board, rather a greater quantity than I had hoped for.",
    // "no" listing what there was not
    "There was no exhilaration about the departure, no holiday feeling at all.",
    // "like" comparing after a verb form; "you know" with its object
    "He stood staring like an idiot at the list of prices.",
    "Spoken like a man of spirit.", "It scans like a verse from Homer.",
    // after a comma closing a named thing, "like" and an article compare it
    "The mind, like a monkey, jumps from branch to branch.",
    "The captains of industry, like the gold finders of 1849, made fortunes.",
    "They were busted, like an old basket.",
    "He was one of the brethren and like his brother did not believe it.",
    "You know as well as I do what was found.",
    // a clause a subordinator opened, then the main clause beginning the same way
    "Cause if we can do that, we can make it home.",
    // suspended hyphens; what was said after a verb of saying
    "These are 10- to 15-year agreements.",
    "It holds short- and long-term debt.",
    "I said, no, I was joking.",
    // Wikipedia prose (GoogleTN): a unit after a figure, coordinated wh-clauses, an apology said,
    // a fronted comparison, a name of two like words
    "The soldiers grow up to 16 mm long.",
    "They shed little, except when wet or when they've been outside.",
    "For the indignity inflicted on a proud people, we say sorry.",
    "Like other moles, this animal digs shallow surface tunnels.",
    "The episode of Comedy Bang Bang aired later.",
    "They fired missiles at F- 4 Phantoms over the river.",
    // LibriTTS recogniser output: a year said in pairs, spelled letters, a verb and its clause
    "the great day was february fourteenth nineteen nineteen",
    "d a a g for cavalry then staff officer",
    "edwin hatch d d vice principal",
    "you seem to forget that it's in my morning room",
    "We should inspire more kids like you to like science.",
  ])("%j", (input) => {
    expect(text(input)).toBe(input);
  });

  it("still drops an abandoned pronoun at a clause start and a sentence said twice", () => {
    expect(text("and I, it literally felt like magic")).toBe("and it literally felt like magic");
    expect(text("It was. It was. And then we left.")).toBe("It was. And then we left.");
    expect(text("What continent, no country is it in?")).toBe("What country is it in?");
  });
});
