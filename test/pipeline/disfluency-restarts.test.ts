import { describe, expect, it } from "vitest";
import { disfluencyOnly, runText } from "./helpers.js";

const clean = disfluencyOnly();
const text = (input: string) => runText(clean, input).text;

describe("disfluency / self_repair: broken-off clause fragments", () => {
  it.each([
    ["they're, it's like watching a film", "it's like watching a film"],
    ["and there was this, it was so funny", "and it was so funny"],
    ["So it's, it's still building", "So it's still building"],
    ["Uh, I have a, um, I'm from Ohio.", "I'm from Ohio."],
    ["these were… we had won so many", "we had won so many"],
    ["He's like a, um, he actually made it", "He actually made it"],
  ])("drops the fragment in %j", (input, expected) => {
    expect(text(input)).toBe(expected);
  });

  it.each([
    "The problem is, we never asked", "that is, we agree", "It's, I think, the best one", "If you can, we will go",
    "For him, he wants more", "but this, we can't allow", "it's not me, it's them", "I was like, no way",
    "I like that, we can go", "we don't like this, we want more", "I did it, it's fun.", "We've got this, it's easy.",
    "That's it, we're done.", "This is it, it's finally here.", "We were there, it was late.", "It's not this, it's that.",
    "I didn't do that, he did.",
  ])("keeps %j (a content word, a subordinate clause, an aside, a fronted phrase, \"like\" or \"do\" as the verb)", (input) => {
    expect(text(input)).toBe(input);
  });

  it("the self_repair class switch turns it off", () => {
    const input = "they're, it's like watching a film";
    expect(runText(disfluencyOnly({}, { self_repair: false }), input).text).toBe(input);
  });
});

describe("disfluency / self_repair: broken-off clauses", () => {
  it.each([
    ["I have never seen one. It's so- This was funny on so many levels.", "I have never seen one. This was funny on so many levels."],
    ["Like this li- Point proven, I think.", "Point proven, I think."],
    ["Still w- we're working on it.", "We're working on it."],
    // a prefix before a function word, or one as often a word's first syllable, is a cut-off
    ["It is accelerating its plan to ex- to expand margins.", "It is accelerating its plan to expand margins."],
    ["Right, I think we need to… so we waited.", "Right, so we waited."],
    ["The front runner is about… that's your opinion.", "That's your opinion."],
    ["But I wonder if- Which is weird, because it worked.", "Which is weird, because it worked."],
  ])("drops the clause broken off in %j", (input, expected) => {
    expect(text(input)).toBe(expected);
  });

  it.each([
    // A listener cut in: a short sentence after the cut-off, or a sound in the break.
    "I remember seeing him- That's super rad.",
    // A trail after a word a clause can end on is a pause, not a break.
    "We went to the park… then we went home.",
    // A comma is no break: "the end," ends the phrase, "that," may too.
    "At the end, we went home.",
    // A clause too long to be a false start.
    "We walked all the way down to the river to… we swam.",
    // A prefix written apart from its word is no cut-off.
    "We will refer to certain Non- GAAP financial measures.", "It was higher than the pre- COVID trend.",
  ])("keeps %j", (input) => {
    expect(text(input)).toBe(input);
  });

  it.each([
    // a determiner left before the new clause's subject went with the phrase abandoned
    ["Well, it might be a spoiler. The nerds- I mean it's really like a show.", "Well, it might be a spoiler. It's really like a show."],
    ["You point anywhere. And the p- you know y- it's like mind control.", "You point anywhere. And it's like mind control."],
    // a short cut-off after a determiner is a word begun again
    ["shooting such a ho- high profile man as him", "shooting such a high profile man as him"],
  ])("drops the broken phrase in %j", (input, expected) => {
    expect(text(input)).toBe(expected);
  });

  it("keeps a whole word broken off after a determiner, which would be left hanging", () => {
    const input = "And then chances of us getting weed as a nation- They would go up.";
    expect(text(input)).toBe(input);
  });

  it("is a self_repair: the class switch turns it off", () => {
    const input = "I have never seen one. It's so- This was funny.";
    expect(runText(disfluencyOnly({}, { self_repair: false }), input).text).toBe(input);
  });
});

describe("disfluency / self_repair: a capitalised question after a cue (cased text)", () => {
  it.each([
    ["If the tops no What happens when syncline is compressed?", "What happens when syncline is compressed?"],
    ["In computational rather Is a problem instance abstract?", "Is a problem instance abstract?"],
    ["Give me a case where wait no What is an example?", "What is an example?"],
  ])("restarts %j", (input, expected) => {
    expect(text(input)).toBe(expected);
  });

  it.each(["so I told him no Do it now", "we asked no questions. What happens next?", "they said no Will did it?"])(
    "keeps %j (no question, a sentence end between, or a name)",
    (input) => {
      expect(text(input)).toBe(input);
    },
  );
});

describe("disfluency / self_repair: a subject said again in raw ASR (no pause shows the break)", () => {
  it.each([
    ["i never i was late to his show", "i was late to his show"],
    ["so i want i wanted other hands to touch it", "so i wanted other hands to touch it"],
    ["and we didn't we aren't even certain that", "and we aren't even certain that"],
    ["that's just trifling i can't i won't judge you", "that's just trifling i won't judge you"],
    ["it's i it's beautiful", "it's beautiful"],
    ["i'll tell you it's very it's material", "i'll tell you it's material"],
  ])("drops the broken start in %j", (input, expected) => {
    expect(text(input)).toBe(expected);
  });

  it.each([
    "i came i saw i conquered", "and as he prayed he wept", "when we were kids we had fun", "when we were we had fun", "i was i think about twelve",
    "yes i did i kind of remember", "this is something i do i always sign out", "i think i can do it", "he said he would come",
    "it's not me it's the team", "it's like it's raining", "it's good it's fun",
  ])("keeps %j", (input) => {
    expect(text(input)).toBe(input);
  });
});

describe("disfluency / self_repair: restarts that restate the opening", () => {
  it.each([
    ["So I want, I wanted other hands to help", "So I wanted other hands to help"],
    ["When I was told, when I was given the facts, I left", "When I was given the facts, I left"],
    ["it was just, it was a thing", "it was a thing"],
    ["I think that, I think it's, I think in tier twos we did well", "I think in tier twos we did well"],
  ])("keeps only the restart in %j", (input, expected) => {
    expect(text(input)).toBe(expected);
  });

  it.each([
    "I came, I saw, I conquered", "I love pizza, I love pasta", "in the morning, in the evening we rest",
    // a list whose items each open alike
    "We have partners, whether it's Delta, whether it's Hilton, whether it's British Airways, who we just signed",
    "They are inspirational, they are hopeful, they are positive sounding.",
    // shares named one by one
    "Our category splits a third, a third, a third take home, instant consumable, and seasonal.",
  ])("keeps the parallel phrases of %j", (input) => {
    expect(text(input)).toBe(input);
  });
});

describe("disfluency / repetition: a pronoun restated with its verb", () => {
  it.each([
    ["Yeah, that, that's all true", "Yeah, that's all true"],
    ["No. It, it's crazy, right?", "No. It's crazy, right?"],
    // Unpunctuated, as raw ASR writes it: a subject-only pronoun, or one in a subject's place.
    ["and again we we've seen improvement", "and again we've seen improvement"],
    ["but it it's been rough", "but it's been rough"],
    // ... after an answer or a discourse word too
    ["no it it's crazy right", "no it's crazy right"],
    ["anyway you you're right", "anyway you're right"],
    // A subject and its auxiliary said again as one contracted word.
    ["we are we're seeing a great deal of activity", "we're seeing a great deal of activity"],
    ["i would i'd like to introduce our speaker", "i'd like to introduce our speaker"],
    ["i know it is it's such a powerful force", "i know it's such a powerful force"],
  ])("drops the bare pronoun in %j", (input, expected) => {
    expect(text(input)).toBe(expected);
  });

  it.each(["I know that, that's why I came", "as we look at it it's minimal", "thank you you're welcome", "to know that that's what we are", "no that that's fine",
    "what it is it's a mess", "no i didn't i went home"])(
    "keeps an object pronoun or a complementizer before a new clause in %j",
    (input) => {
      expect(text(input)).toBe(input);
    },
  );
});

describe("disfluency / repetition: a clause restarted after a word or two, as raw ASR writes it", () => {
  it.each([
    ["it was just it was a thing", "it was a thing"],
    ["should we just should we talk about it", "should we talk about it"],
    ["if i went to if i went home at night", "if i went home at night"],
    ["we will be we will have more visibility", "we will have more visibility"],
  ])("drops the abandoned start in %j", (input, expected) => {
    expect(text(input)).toBe(expected);
  });

  it.each([
    // coordinated clauses, a clause that reached its object, a clause linked by "is", a filler said twice
    "but i wanted it and i wanted him to win",
    "and we always had and we always will have",
    "if we can do that we can make it home",
    "we did it like we did last year",
    "it was like it was yesterday",
    "the other thing we don't know is we don't know what he wants",
  ])("keeps clauses said on in %j", (input) => {
    expect(text(input)).toBe(input);
  });
});

describe("disfluency / repetition: legitimate doubles said with a pause between", () => {
  it.each([
    ["I said that, that we would go", "I said that we would go"],
    ["Yeah, yeah, it's fine.", "Yeah, it's fine."],
  ])("collapse like any restart in %j", (input, expected) => {
    expect(text(input)).toBe(expected);
  });

  it.each(["it was very, very good", "I had had enough", "I know that that is true", "it was really, really good", "some of your faves' faves have songs", "the bosses' bosses agreed"])("keep the emphatic or grammatical double in %j", (input) => {
    expect(text(input)).toBe(input);
  });
});

describe("disfluency / repetition: 'is is', 'so so', 'on on', 'you you' and 'that that', grammatical only in their own shapes", () => {
  it.each([
    ["the self is is eternal", "the self is eternal"],
    ["the thing is is that we waited", "the thing is that we waited"],
    ["what is is the self", "what is the self"],
    ["it has been mostly focused on on the retail business", "it has been mostly focused on the retail business"],
    ["and you you think about it", "and you think about it"],
    ["those are things that that you just do", "those are things that you just do"],
    ["the stronger that that that business is", "the stronger that that business is"],
    ["the underlying business is is trending better", "the underlying business is trending better"],
    ["so so brian your assumption is correct", "so brian your assumption is correct"],
  ])("collapse the stutter in %j", (input, expected) => {
    expect(text(input)).toBe(expected);
  });

  it.each([
    "what it is is a choice", "all it is is noise", "the film was so so", "it was so so good",
    "we went on on Monday", "put it on on top", "who told you you could", "I did it for you you know",
    "I think that that's right", "a piece of that that we can carry forward", "yeah yeah yeah",
  ])(
    "keep the pseudo-cleft, so-so or emphatic double in %j",
    (input) => {
      expect(text(input)).toBe(input);
    },
  );
});

describe("disfluency / self_repair: hanging determiners", () => {
  it("drops a pronoun-like determiner restarted by another determiner", () => {
    expect(text("worry about the politics of these… your statements")).toBe("worry about the politics of your statements");
  });

  it.each(["I want these, and those too", "Do you have any, or not?"])("keeps %j", (input) => {
    expect(text(input)).toBe(input);
  });

  // Raw ASR marks no pause: only a next word that can never follow the determiner or pronoun shows the restart.
  it.each([
    ["it's not a an investment plan", "it's not an investment plan"],
    ["michael bay is directing a an action film", "michael bay is directing an action film"],
    ["and the there's sleep researchers out there", "and there's sleep researchers out there"],
    ["and i it literally felt like home", "and it literally felt like home"],
    ["so i what else do i have", "so what else do i have"],
  ])("drops the unmarked false start in raw ASR %j", (input, expected) => {
    expect(text(input)).toBe(expected);
  });

  it.each(["so even within class a we had a margin", "the q and a session", "he and i went home", "they gave the best answer",
    // an "a" that starts spelled letters is a letter
    "the a f m thirteen study", "we trained the a i model"])(
    "keeps the raw ASR words that can follow %j",
    (input) => {
      expect(text(input)).toBe(input);
    },
  );
});

describe("disfluency / discourse_filler: 'like' before an intensifier", () => {
  it("drops 'like' between a form of 'be' and an intensifier", () => {
    expect(text("I was like really shaken by that")).toBe("I was really shaken by that");
  });

  it("and before a grading adverb ('more', 'still', 'basically'): no comparison takes one", () => {
    expect(text("everything else was like more serious and business minded")).toBe("everything else was more serious and business minded");
    expect(text("it's like basically all the same")).toBe("it's basically all the same");
  });

  it("and before a place or time phrase", () => {
    expect(text("when she was like in the first season")).toBe("when she was in the first season");
    expect(text("and that was like from the morning on")).toBe("and that was from the morning on");
  });

  it.each([
    "I like really spicy food", "it was like a dream", "It looks like really bad weather", "I like more rice",
    "it was like to be young again", "I like in the summer",
    // Comparisons: "less like", a possessive or a possessive pronoun after it.
    "more like a statement of your style and less like an old injury", "Your voice is low, like your dad's.", "Your voice is low, like mine.",
    "we actually smell like a dude", "Just like the development of body ideals altogether.",
    // After a comma, before a name: an example ("such as").
    "They have a few podcasts running, like Wannabe, and I will link them.",
  ])("keeps %j", (input) => {
    expect(text(input)).toBe(input);
  });
});

describe("disfluency / discourse_filler: 'like' in written prose and business talk", () => {
  it.each([
    // Before a name after a pause: an example, or whom someone is compared with.
    "he was an easy minded tyrant; like Philip the Second, he slept well",
    // A possessive's phrase closed by a pause, a noun phrase or a plural noun before it: a comparison.
    "and, like his brother, James, did not believe", "when a body like the widow prays", "after a natural disaster like a hurricane",
    "in places like the oil sands", "in categories like baking",
    // The noun and the adjective.
    "spare parts and the like.", "a 10% decrease on a like for like basis",
  ])("keeps %j", (input) => {
    expect(text(input)).toBe(input);
  });

  it("still drops the hedge after a determiner set off by a pause, or before another determiner", () => {
    // With the hedge gone the words carry no mark, and "the" before a subject is a false start too.
    expect(text("but the, like, we're talking four figures")).toBe("but we're talking four figures");
    expect(text("that's the like the ranger school")).toBe("that's the ranger school");
  });
});

describe("disfluency / discourse_filler: 'like' after a preposition", () => {
  it.each([
    ["she went through periods of like really weird restriction", "she went through periods of really weird restriction"],
    ["it looked like a scene from like Halloween", "it looked like a scene from Halloween"],
  ])("drops it in %j: a preposition takes no verb", (input, expected) => {
    expect(text(input)).toBe(expected);
  });

  it.each(["they answered in like manner", "we are of like mind", "I would love to like him", "their hair curled over like a breaking wave"])("keeps %j", (input) => {
    expect(text(input)).toBe(input);
  });
});

describe("disfluency / discourse_filler: 'like,' after a conjunction or a preposition", () => {
  it.each([
    ["but like, the dude who killed Bin Laden came out.", "but the dude who killed Bin Laden came out."],
    ["And we had this gap, from like, 2009, in our community", "And we had this gap, from 2009, in our community"],
  ])("drops it in %j", (input, expected) => {
    expect(text(input)).toBe(expected);
  });

  it.each([
    "Someone said something to the effect of like, this is what happens.",
    "It was sort of like, oh, I didn't realize.",
    "and like, Oh my god, it was huge.",
  ])("keeps it before a quote in %j", (input) => {
    expect(text(input)).toBe(input);
  });
});

describe("disfluency / discourse_filler: 'like' after 'kind of' / 'sort of'", () => {
  it.each([
    ["that's kind of like the minimum threshold", "that's kind of the minimum threshold"],
    ["people could sort of like drop in whenever", "people could sort of drop in whenever"],
    ["It was more kind of like fitting into a family", "It was more kind of fitting into a family"],
  ])("drops the second hedge in %j", (input, expected) => {
    expect(text(input)).toBe(expected);
  });

  it.each([
    "I kind of like the idea", "they sort of like the new version", "we kind of like it", "It was sort of like, oh, I didn't know",
    "It's kinda like witchcraft", "that kind of thing is like a dream",
  ])("keeps %j (the verb, a quote, or no hedge before it)", (input) => {
    expect(text(input)).toBe(input);
  });
});

describe("disfluency / filler: interjection-only sentences inside a segment", () => {
  it("drops an 'Ugh.' between two sentences", () => {
    expect(text("It was late. Ugh. We left early.")).toBe("It was late. We left early.");
  });

  it("keeps one that closes the segment", () => {
    expect(text("It was late. Ugh.")).toBe("It was late. Ugh.");
  });
});
