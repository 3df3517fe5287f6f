import { describe, expect, it } from "vitest";
import { disfluencyOnly, runStream, runText } from "./helpers.js";

const clean = disfluencyOnly();
const text = (input: string) => runText(clean, input).text;

describe("disfluency: seed failures", () => {
  it.each(["literally", "entirely", "as well"])("never removes %j", (word) => {
    for (const input of [`it was ${word} fine`, `${word}, we went`, `we went ${word}.`, `I like it ${word}`]) {
      expect(text(input)).toBe(input);
    }
  });

  it("keeps the next sentence's capital after a removal", () => {
    expect(text("We went, um. Then we left.")).toBe("We went. Then we left.");
    expect(text("It was great, you know. The end.")).toBe("It was great. The end.");
    expect(text("We left. Uh, The Read is on.")).toBe("We left. The Read is on.");
  });

  it("keeps 'one of the most profound'", () => {
    expect(text("this is one of the most profound verses")).toBe("this is one of the most profound verses");
  });
});

describe("disfluency / discourse_filler", () => {
  it.each([
    ["you know, we went there", "we went there"],
    ["and so, you know, calories mattered", "and so calories mattered"],
    ["it was, like, huge", "it was huge"],
    ["so like we went home", "so we went home"],
    // After a comma, "like" and an article hedge after a function word, a verb of thinking or an amount.
    ["I think, like the opposite is true", "I think, the opposite is true"],
    ["and even as our mother, like a lot of stories about her", "and even as our mother, a lot of stories about her"],
    ["Like, I shed actual tears", "I shed actual tears"],
    ["he has, sort of, a plan", "he has a plan"],
    // A bare "like" where no verb or comparison fits: after "have", between a person's "be" and a progressive.
    ["they have like whole bunch of episodes", "they have whole bunch of episodes"],
    ["so I'm like noticing that my body is tired", "so I'm noticing that my body is tired"],
    ["and I was just like starving when I got home", "and I was just starving when I got home"],
    // ... and between a subject and the past form that is its verb.
    ["so you like pretended you didn't care", "so you pretended you didn't care"],
    ["we like went back and forth", "we went back and forth"],
    ["I like crumbled, and then left", "I crumbled, and then left"],
    // ... and between "to" or a modal and a verb that is seldom a noun.
    ["I used to like listen to jazz", "I used to listen to jazz"],
    ["we're going to like fill the gap", "we're going to fill the gap"],
    ["and you can like hear their breathing", "and you can hear their breathing"],
    // ... and before an -ing form after a word that takes no comparison.
    ["When did you start like writing?", "When did you start writing?"],
    ["we sat for hours, and just like eating together", "we sat for hours, and just eating together"],
    // Before a clause opened by a subordinator or a wh-word, where no comparison fits.
    ["and like if you tell me his name I know it", "and if you tell me his name I know it"],
    ["so he said like why can't you come", "so he said why can't you come"],
    // Before a clause of its own after a word that governs no comparison, and after an acknowledgement.
    ["i'll never hunt again like i won't", "i'll never hunt again i won't"],
    ["especially in new york like they've made a point of it", "especially in new york they've made a point of it"],
    ["we know we're out here like we're all friends", "we know we're out here we're all friends"],
    ["yeah like i actually respect animals", "yeah i actually respect animals"],
    ["yeah like somehow the way you show up matters", "yeah somehow the way you show up matters"],
    ["i mean like just think about it", "i mean just think about it"],
    // After an object pronoun, before an amount or a longer phrase: it approximates or hedges.
    ["he gave me like a hundred dollars", "he gave me a hundred dollars"],
    ["we're not paying her like an hourly rate", "we're not paying her an hourly rate"],
    // Before an intensifier or an adverb "like" has nothing to compare: it hedges.
    ["it was like super easy to do", "it was super easy to do"],
    ["Well, it's like, really hard.", "Well, it's really hard."],
    ["That doesn't seem like very human, right?", "That doesn't seem very human, right?"],
    ["analyzing like critically unpacking where we got it", "analyzing critically unpacking where we got it"],
    ["instagram i believe is like usually the third link", "instagram i believe is usually the third link"],
    // Before a clause with a determined subject and its verb, after a word that governs no comparison.
    ["that happens all the time like the system is not set up for us", "that happens all the time the system is not set up for us"],
    ["it was awesome because like my guys were already inside", "it was awesome because my guys were already inside"],
    // Before an agreement that closes the segment or opens a clause, unless a form of "be" makes it a quote.
    ["the system is set up for us to fail like yes", "the system is set up for us to fail yes"],
    ["then i had to turn the game off like right that's so bad", "then i had to turn the game off that's so bad"],
    // Raw ASR (no punctuation anywhere) shows no pauses: an ungoverned "you know" without an object is the filler.
    ["so you know we have been focusing on costs", "so we have been focusing on costs"],
    ["the weather has you know had a little impact", "the weather has had a little impact"],
    ["so you know the fiscal year was strong", "so the fiscal year was strong"],
    // ... and before a question with its own inverted auxiliary, which no "know" takes as its object.
    ["he ran behind nelson you know why is that", "he ran behind nelson why is that"],
    ["the land market you know what are you seeing right now", "the land market what are you seeing right now"],
  ])("removes the filler in %j", (input, expected) => {
    expect(text(input)).toBe(expected);
  });

  it.each([
    "I was in boots, so you know I was out of the question", "as you know we have been clear", "it's like when you drop a glass",
    "it feels like if we wait it will pass", "do you know the way",
    "I'll let you know tomorrow", "you know what we did", "you know as well as i do", "you know what is going on", "you know why it is", "you said you wouldn't tell you know you said", "I like it", "I mean it", "I mean what I say", "you know what I mean?", "do you know him", "it's like a dream",
    "I was like, no way", "I feel like it's over", "things like that", "like I said, it works", "she looks like Rob",
    "I would like to start", "that sort of thing",
    "I started to like the show", "learn to like yourself", "they seem to like cats", "I grew to like Paris",
    "We should inspire more kids to like science.",
    "it's like walking on the moon", "It was like talking to a wall", "I'm like, running late",
    "I like salted caramel", "I like baked goods", "I like red.", "they like used cars",
    "it's just like riding a bike", "it felt almost like listening to music", "He stood staring like waiting for a bus",
    "it wasn't like I moved back home", "she treats me like I'm a child", "they act like they own the place", "we did it like we did last year",
    "I tried to pretend like I didn't have a body", "and he said like he is so salty", "it feels like they never left",
    "Because like we just talked about earlier, it takes time.", "Like Micah said, there are groups.", "It's just like an exfoliant.",
    "I like really good food", "I would like very much to go", "and I feel like so much of that is fear", "do it like so.",
    "it looks like the system is broken", "it's like the world was ending", "I feel like my mom was right",
    "what it could look like probably depends", "i'm like yeah yeah", "and she was like yes", "do it like right now", "things like really big trucks", "it's like early days", "they were like family to me",
    "I was like, really? No way.", "I'm like, Just shut up.", "Treat me like a child and I will act like one.", "The more you know, the more you grow.", "It hit me like a ton of bricks.",
  ])("keeps content use %j", (input) => {
    expect(text(input)).toBe(input);
  });

  it("drops only 'I mean' before a clause of its own that explains: the word before it stands", () => {
    expect(text("It is not simply the oil price going up or down, I mean it's some macro view.")).toBe("It is not simply the oil price going up or down, it's some macro view.");
  });

  it("takes a filler before 'like' for no acknowledgement: the 'like' after it still gives an example", () => {
    expect(text("frequently purchased items uh like scheduled maintenance")).toBe("frequently purchased items like scheduled maintenance");
  });

  it("only suggests a sentence-opening 'I mean,' (weak evidence)", () => {
    const r = runText(clean, "I mean, he is fine");
    expect(r.text).toBe("I mean, he is fine");
    expect(r.edits.map((e) => [e.rule, e.before, e.applied])).toEqual([
      ["discourse_filler", "I", false],
      ["discourse_filler", "mean,", false],
    ]);
  });

  it("the class switch turns the rule off", () => {
    expect(runText(disfluencyOnly({}, { discourse_filler: false }), "you know, we went").text).toBe("you know, we went");
  });
});

describe("disfluency / repetition", () => {
  it.each([
    ["the the soul", "the soul"],
    ["and and it", "and it"],
    ["It's, it's worth it.", "It's worth it."],
    ["there is… there is this", "there is this"],
    ["I- I'm good", "I'm good"],
    ["the, uh, the soul", "the soul"],
    ["I I I think so", "I think so"],
    ["MNEK, MNEK, um, posted it", "MNEK posted it"],
    // a word said again in another form, or a negated auxiliary for another, after a pause
    ["when believing, believe me", "when believe me"],
    ["and you're grow, growing fast", "and you're growing fast"],
    ["I didn't, wasn't still watching it", "I wasn't still watching it"],
  ])("%j -> %j", (input, expected) => {
    expect(text(input)).toBe(expected);
  });

  it.each(["I had had enough", "I know that that is true", "bye bye now", "call five five five one two", "it was very very good"])(
    "keeps the legitimate double in %j",
    (input) => {
      expect(text(input)).toBe(input);
    },
  );

  it.each(["the king, kingdom and people", "we use, used and reuse"])("keeps two words sharing a beginning in %j", (input) => {
    expect(text(input)).toBe(input);
  });

  it.each(["its current streams up and down, up and down, as the tide changes", "we went back and forth back and forth"])(
    "keeps a motion repeated in %j",
    (input) => {
      expect(text(input)).toBe(input);
    },
  );

  it.each(["We flew to Chiba, Chiba, Japan.", "New York, New York, USA", "She lives in New York, New York.", "314 West 42nd Street, NEW YORK New York"])(
    "keeps a place named for its region in %j",
    (input) => {
      expect(text(input)).toBe(input);
    },
  );

  it.each(["Think of Stephen, think of Stephen!", "Come on, come on!"])("keeps a phrase said again to an exclamation mark in %j", (input) => {
    expect(text(input)).toBe(input);
  });

  it("still drops a name of two words said again before the sentence goes on", () => {
    expect(text("we went to Kansas City, Kansas City and on")).toBe("we went to Kansas City and on");
  });

  it.each(["You're from a people who took and took and took and took.", "over, and over, and over again"])(
    "keeps a word joined to itself by 'and' for emphasis in %j",
    (input) => {
      expect(text(input)).toBe(input);
    },
  );

  it.each([
    "Just give her her things.", "the trash bag you were carrying with you, you brought your hands together",
    "and question it, it does bring up people's hackles.", "And so you hear it, it makes you laugh.",
    "I did it, it was fun.", "We have it, it is here.", "We've got this, this is easy.", "That was it, it was over.",
    "We were there, there was no one else.", "they were there there were a lot of people", "i did it it was fun",
    "I was going to, to be honest, leave.",
  ])(
    "keeps an object followed by the same word in a new use in %j",
    (input) => {
      expect(text(input)).toBe(input);
    },
  );

  it.each([
    ["Let me find her, her, her actual Twitter", "Let me find her actual Twitter"],
    ["and I, and I think so", "and I think so"],
    ["because it, it was late", "because it was late"],
    // after a verb only "it" is an object, and only before a verb: these restart
    ["I wanted to ignore it, it entirely", "I wanted to ignore it entirely"],
    ["you said you, you wonder how", "you said you wonder how"],
    // "do" asking, not done: no subject before it
    ["Did it, it work?", "Did it work?"],
    ["So there, there was a problem.", "So there was a problem."],
    ["to, to be honest, I don't know", "to be honest, I don't know"],
    ["Sorry, sorry, my fault.", "Sorry, my fault."],
  ])("still removes the stutter in %j", (input, expected) => {
    expect(text(input)).toBe(expected);
  });

  it("takes the legit doubles list from params", () => {
    expect(runText(disfluencyOnly({ legit_doubles: ["the"] }), "the the soul").text).toBe("the the soul");
    expect(runText(disfluencyOnly({ legit_doubles: [] }), "I had had enough").text).toBe("I had enough");
  });

  it("records the earlier copy as the removed span, with its source words", () => {
    const r = runText(clean, "we saw the the soul");
    expect(r.edits).toEqual([
      { stage: "disfluency", rule: "repetition", before: "the", after: "", source: { start: 2, end: 3 }, confidence: 0.9, applied: true },
    ]);
  });
});

describe("disfluency / self_repair", () => {
  it("restarts a repair joined on by 'but' no further back than its first word, whatever it says again", () => {
    const input = "but we can't allow that in a hospital, the dog really, sorry, but then the dog really bit me.";
    expect(text(input)).toBe(input);
  });

  it.each([
    ["we will discuss, uh, I mean we'll explore X", "we'll explore X"],
    ["Krishna explains, rather, he reveals", "Krishna reveals"],
    // as raw ASR gives it, with no pause written: the verb restated by a pronoun and a verb of its form
    ["Krishna explains rather he reveals the self", "Krishna reveals the self"],
    ["it works rather it fails", "it fails"],
    ["the king founded no he designed it", "the king designed it"],
    // a pronoun restating the subject replaces all the clause said after it
    ["The king explained it, rather, he revealed it.", "The king revealed it."],
    ["Kublai banned the trade, sorry, I mean he ended it.", "Kublai ended it."],
    ["The European Court of Justice can uphold them no sorry it cannot uphold them?", "The European Court of Justice cannot uphold them?"],
    ["What was the original empire, sorry, name?", "What was the original name?"],
    ["What is the no make that who is the emphasis?", "Who is the emphasis?"],
    ["the density modulo 8 or wait 9", "the density modulo 9"],
    ["What did Wahl and Ammann no no Karlen and Singer present?", "What did Karlen and Singer present?"],
    // the possessor of a name corrected stays
    ["When was BSkyB's Sky Active no sorry digital service launched?", "When was BSkyB's digital service launched?"],
    // the comma that closed the correction inside a clause goes with it; a clause's own comma stays
    ["We will discuss, I mean explore, the options.", "We will explore the options."],
    ["After what year did locomotives, sorry, steamers, cease to be used?", "After what year did steamers cease to be used?"],
    ["What are skin cells, no, epithelial cells, and what do they do?", "What are epithelial cells, and what do they do?"],
  ])("%j -> %j", (input, expected) => {
    expect(text(input)).toBe(expected);
  });

  it("never takes \"I\" after the cue for a subject restated, so it stays with what the speaker said next", () => {
    expect(text("Kublai banned the Mongol slave trade no sorry I am wondering when it ended")).toContain(" I am wondering when it ended");
  });

  it.each([
    "What actually happened?", "What job requires no qualifications?", "I'm sorry for the delay", "I would rather stay",
    "she knows rather well he knows", "it works rather well", "he replied no he waited",
    "How long did they wait for the train?", "There was no answer", "We can no longer wait",
    "Thank you, no, I snapped.",
    // a clause for one word with no subject to restate: no deletion mends it
    "and then the trade was banned, sorry, he ended it",
    // after a cue, a word that opens a comment: the speaker goes on, no word is put in another's place
    "He ran the best race he could have run, I mean, short of winning.",
  ])("keeps content use %j", (input) => {
    expect(text(input)).toBe(input);
  });

  it("suggests instead of applying when the repair's confidence is below the threshold", () => {
    const r = runText(disfluencyOnly({ apply_threshold: 0.9 }), "Krishna explains, rather, he reveals");
    expect(r.text).toBe("Krishna explains, rather, he reveals");
    const repair = r.edits.filter((e) => e.rule === "self_repair");
    expect(repair.map((e) => [e.before, e.source.start, e.applied])).toEqual([
      ["explains,", 1, false],
      ["rather,", 2, false],
      ["he", 3, false],
    ]);
    expect(r.needsReview).toBe(true);
  });
});

describe("disfluency / marker_phrase", () => {
  it("drops 'let me rephrase that' and keeps what follows", () => {
    expect(text("let me rephrase that, we build it together")).toBe("we build it together");
    expect(text("It failed. Let me rephrase that. It did not work.")).toBe("It failed. It did not work.");
  });

  it("keeps a marker whose 'that' is a determiner ('strike that right balance')", () => {
    expect(text("we want to strike that right balance")).toBe("we want to strike that right balance");
    expect(text("let me correct that figure for you")).toBe("let me correct that figure for you");
    expect(text("let me rephrase that we need more")).toBe("we need more");
  });

  it("reads the list from params", () => {
    expect(runText(disfluencyOnly({ marker_phrases: ["put differently"] }), "put differently, it works").text).toBe("it works");
    expect(runText(disfluencyOnly({}, { marker_phrase: false }), "let me rephrase that, ok").text).toBe("let me rephrase that, ok");
  });
});

describe("disfluency: idempotence and streams", () => {
  it.each([
    "we will discuss, uh, I mean we'll explore X", "the the the soul", "you know, like, um, it was, it was fine",
    "What did Wahl and Ammann no no Karlen and Singer present?",
  ])("a second run changes nothing: %j", (input) => {
    const once = text(input);
    expect(runText(clean, once).edits.filter((e) => e.applied)).toEqual([]);
  });

  it("processes each segment of a stream on its own", () => {
    expect(runStream(clean, ["so um we went", "the the soul. Um, Then"])).toEqual(["so we went", "the soul. Then"]);
  });
});

describe("disfluency: numbers said in parts", () => {
  it.each([
    // "oh" among spoken digits is a zero: not an interjection, not a correction cue.
    "call me at two oh six three oh three one nine four two",
    "ping one oh dot one eight five dot six eight dot two one zero",
    "it is six oh eight dash oh five dash seven one two two",
    // A repeated phrase with a number in it is the number, not a restart; nor are numbered items listed.
    "the server is at ten dot zero dot zero dot one", "testing one two one two",
    "Make one, knit two, knit two together, knit one.", "in eighteen twenty in eighteen twenty four and in eighteen twenty eight",
    "things are eighty percent open ninety percent open ninety nine",
  ])("keeps every word of %j", (input) => {
    expect(text(input)).toBe(input);
  });

  it.each([
    ["i have one i have one bone to pick", "i have one bone to pick"],
    ["i thought one of the one of the real highlights was margins", "i thought one of the real highlights was margins"],
    ["he throws five yard five yard outs all day", "he throws five yard outs all day"],
  ])("still drops a phrase said again with a number in it: %j", (input, expected) => {
    expect(text(input)).toBe(expected);
  });

  it("still reads a writer's 'oh' between written numbers as a correction", () => {
    expect(runText(disfluencyOnly({ typed_corrections: true }), "What did Dalton hypothesize in 1811 oh 1805?").text).toBe("What did Dalton hypothesize in 1805?");
  });
});
