// One spec table per ITN class, default style unless noted.
import { describe, expect, it } from "vitest";
import { itn, itnOnly, nemoItn } from "./helpers.js";

const cases: Record<string, Array<[string, string]>> = {
  cardinal: [
    ["minus sixty", "-60"],
    // a graded range of ten is written in figures; a decade or an age stays as said
    ["margins in the low forties", "margins in the low 40s"],
    ["somewhere in the mid to high twenties", "somewhere in the mid to high 20s"],
    ["back in the nineties", "back in the nineties"],
    ["she was in her early twenties", "she was in her early twenties"],
    ["one hundred forty seven thousand four hundred fifty one", "147,451"],
    ["twenty one hundred and eleven", "2111"],
    // Four digits take the separator only when said as a count; said as a year would be, they stay as one.
    ["for seven thousand years", "for 7,000 years"],
    // ... or before a unit or a currency, which no year is
    ["about two thousand feet high", "about 2,000 feet high"],
    ["two thousand dollars", "$2,000"],
    ["a population of two thousand three hundred seventy seven", "a population of 2,377"],
    ["as of the census of two thousand", "as of the census of 2000"],
    // After "the year" a number said with "thousand" names a year.
    ["around the year one thousand", "around the year 1000"],
    ["two thousand and six was a good year", "2006 was a good year"],
    // "a" is one before a scale when more of the number follows; alone it stays as said.
    ["a hundred and fifty years ago", "150 years ago"],
    ["sales were a hundred eighty seven million", "sales were 187 million"],
    ["a hundred thousand people", "100,000 people"],
    ["a hundred people and a million reasons", "a hundred people and a million reasons"],
    // A lone unit after millions starts what follows; a number that goes on says so.
    ["a fifteen million one time benefit", "a 15 million one time benefit"],
    // ... but a plural it counts keeps the unit in the number
    ["about eight hundred thirty four million one people came", "about 834,000,001 people came"],
    ["in fifteen million and one cases", "in 15,000,001 cases"],
    ["two million two hundred thousand", "2,200,000"],
    ["twenty one crore ninety eight lakh thirty six thousand five hundred and ninety three", "219,836,593"],
    ["we saw twenty one birds", "we saw 21 birds"],
    // "and" between two numbers of the same scale joins them, not a tail ("809 hundred")
    ["a height of between eight hundred and nine hundred feet", "a height of between 800 and 900 feet"],
    ["between eight thousand and nine thousand people", "between 8,000 and 9,000 people"],
    ["three thousand and five hundred", "3,500"],
    // Numbers said as a fixed expression (config/itn/en/idioms.tsv), unless a number follows.
    ["we are open twenty four seven", "we are open 24/7"],
    ["it's a fifty fifty chance", "it's a 50-50 chance"],
    ["read pages fifty fifty one fifty two", "read pages 50 51 52"],
    ["covid nineteen cases rose", "covid-19 cases rose"],
    // a tens word and a unit's plural are one plural number, never "70 fives"
    ["long range x p seventy fives", "long range xp75s"],
    // An "a" that would end a code after one letter is the article.
    ["he earns fifty k a year", "he earns 50k a year"],
    ["take it two x a day", "take it 2x a day"],
    ["in the late twenty ones", "in the late 21s"],
    // a possessive number keeps its mark after the digits; a small one stays a word as it would bare
    ["Lead twenty one's website", "Lead 21's website"],
    ["the x eighty six's registers", "the x86's registers"],
    ["one's own life", "one's own life"],
    // an ordinal kept as a word does not hold back the number after it (as "one tenth" does)
    ["given to the first twenty five thousand buyers", "given to the first 25,000 buyers"],
  ],
  ordinal: [
    ["the twenty third time", "the 23rd time"],
    ["eleven hundred twenty first", "1121st"],
    ["the first time", "the first time"],
    // A year's quarter or half, not the 2024th.
    ["for the two thousand twenty fourth quarter", "for the 2020 fourth quarter"],
  ],
  decimal: [
    ["five point two million", "5.2 million"],
    ["point one two o five", ".1205"],
    ["eighteen point o five", "18.05"],
    ["with a hundred and six point four million of capacity", "with 106.4 million of capacity"],
    // The whole part takes the separator as an integer would.
    ["an area of two thousand seven hundred nine point one", "an area of 2,709.1"],
    ["twelve thousand three hundred point five", "12,300.5"],
    // A year has no decimals.
    ["two thousand fifty five point four", "2,055.4"],
    ["four hundred million", "400 million"],
    // A spoken "k" after an amount is the thousands suffix; in a code it is a letter.
    ["a salary of two hundred k", "a salary of 200k"],
    ["about one point five k views", "about 1.5k views"],
    ["the part is fifty k nine", "the part is 50k9"],
    // Decimals said as one number of 10..99, as prices and ratios are; not before a plural the number counts.
    ["the ratio was three point twelve", "the ratio was 3.12"],
    ["a dividend of one point sixty eight euros", "a dividend of €1.68"],
    ["at one point sixty people came", "at one point sixty people came"],
    // A second "point" makes a version number, not a decimal and another one.
    ["update to version two point one point three", "update to version 2.1.3"],
    ["it went up two point five point", "it went up 2.5 point"],
  ],
  fraction: [
    ["twelve and a half", "12 1/2"],
    ["fifteen thirds", "15/3"],
    ["one half of the class", "one half of the class"],
    // A tens word before a unit ordinal is one denominator, and a sign is kept.
    ["minus one hundred thirty three ninety fourths", "-133/94"],
    ["twelve twenty fourths", "12/24"],
    ["minus twelve and a half", "-12 1/2"],
    // A mixed number's fraction may count more than one part; a small whole stays words, tenths are a decimal said.
    ["twelve and three quarters miles", "12 3/4 miles"],
    ["twenty and five eighths inches", "20 5/8 inches"],
    ["three and three quarters miles", "three and three quarters miles"],
    ["in nineteen hundred ten and four tenths", "in 1910 and four tenths"],
    // ... never a numerator of its own after another number.
    ["ten ninety ninety thirds", "1090 90 thirds"],
  ],
  percent: [["eighteen point one four percent", "18.14%"], ["five per cent", "5%"]],
  money: [
    ["forty five billion dollars", "$45 billion"],
    ["twenty nine dollars fifty cents", "$29.50"],
    ["a hundred and fifty dollars", "$150"],
    ["one fifty five dollars", "$155"],
    // Said in hundreds before a currency, a year-shaped number is a price, never "1995 dollars".
    ["it was nineteen ninety five dollars", "it was $1,995"],
    ["at twelve fifty dollars a share", "at $1,250 a share"],
    ["the shirt was nineteen ninety five", "the shirt was 1995"],
    ["thirty billion yen", "¥30 billion"],
    // "pounds" weighed, before ounces, or of a thing weighed, is a weight
    ["it cost twenty pounds", "it cost £20"],
    ["twenty pounds of potatoes", "20 pounds of potatoes"],
    ["she came back twelve pounds heavier", "she came back 12 pounds heavier"],
    ["twenty pounds worth of sweets", "£20 worth of sweets"],
    ["it was twenty pounds, of course", "it was £20, of course"],
    ["he weighs two hundred pounds", "he weighs 200 pounds"],
    ["the baby weighed twelve pounds four ounces", "the baby weighed 12 pounds four ounces"],
    ["one dollars", "one dollars"],
    // "a" is one before a singular currency when cents follow, as prices are said; "a dollar" alone stays words.
    ["it costs a dollar fifty", "it costs $1.50"],
    ["a pound and twenty pence", "£1.20"],
    ["give me a dollar a day", "give me a dollar a day"],
    // "a hundred", "a thousand", "a million" before a currency or a percent sign are amounts; before a noun they stay words.
    ["it cost a hundred dollars", "it cost $100"],
    ["a million dollars in revenue", "$1 million in revenue"],
    // a share of the scale stays as said
    ["half a million dollars", "half a million dollars"],
    ["a quarter of a million dollars", "a quarter of a million dollars"],
    ["I am a hundred percent sure", "I am 100% sure"],
    ["about a hundred people came", "about a hundred people came"],
    // A half or a quarter said before millions is written as their decimals; before anything else it stays.
    ["about two and a half million dollars", "about $2.5 million"],
    ["one and a half billion euros", "€1.5 billion"],
    ["about three and a half million tons", "about 3.5 million tons"],
    ["for two and a half hours", "for two and a half hours"],
    // ... and before thousands the number is written whole.
    ["about two and a half thousand years ago", "about 2,500 years ago"],
    ["two and a half thousand dollars", "$2,500"],
    // cents said without their name, as prices are said; not a count after a lone unit
    ["it cost twelve dollars fifty in all", "it cost $12.50 in all"],
    ["two dollars five times", "$2 five times"],
    ["five dollars ten dollars", "$5 $10"],
  ],
  measure: [
    // Points of a rate keep their words, with the number in figures as a percentage's is.
    ["it rose three percentage points", "it rose 3 percentage points"],
    ["margins improved by five basis points", "margins improved by 5 basis points"],
    ["two hundred kilometers per hour", "200 km/h"],
    ["minus sixty six kilograms", "-66 kg"],
    // "squared" and "cubed" raise a symbol's last unit; an everyday unit, or no unit, keeps the word.
    ["gravity is nine point eight meters per second squared", "gravity is 9.8 m/s²"],
    ["an area of five meters squared", "an area of 5 m²"],
    ["twenty five feet squared", "25 feet squared"],
    ["the value of x squared", "the value of x squared"],
    ["five to ten kilometers", "5-10 km"],
    // "an hour" is "per hour" where the table knows the rate; an everyday unit keeps its words.
    ["sixty kilometers an hour", "60 km/h"],
    ["five hundred miles an hour", "500 miles an hour"],
    ["two hours a day", "two hours a day"],
    // A rate with no unit of its own is one word ("1,268.6/km²"), as NeMo's style only spaces it.
    ["one thousand two hundred sixty eight point six per square kilometer", "1,268.6/km²"],
    // An SI prefix said as a word of its own.
    ["a maximum of two milli amperes", "a maximum of 2 mA"],
    ["two hours later", "two hours later"],
    ["twenty hours later", "20 hours later"],
    // A height's inches stay words with the feet said before them.
    ["he is five foot eleven", "he is five foot eleven"],
    ["he is six foot eleven inches", "he is six foot eleven inches"],
    ["a wall eleven feet high", "a wall 11 feet high"],
    ["seventy two degrees fahrenheit", "72 °F"],
    // "twenty second" is a day or a rank; only after "a", "per", "every" a duration.
    ["on the twenty second , she left", "on the 22nd , she left"],
    ["West forty second Street", "West 42nd Street"],
    ["the one hundred twenty second", "the 122nd"],
    ["a twenty second delay", "a 20 second delay"],
    ["every thirty second interval", "every 30 second interval"],
  ],
  date: [
    ["july twenty fifth two thousand twelve", "July 25, 2012"],
    // An era after a year, as ASR writes it (config/itn/en/eras.tsv); a span with its era keeps "to".
    ["around fifteen hundred b c the vedas were composed", "around 1500 BC the vedas were composed"],
    ["in ten sixty six ad the normans came", "in 1066 AD the normans came"],
    ["seven hundred and eighty eight to eight hundred and twenty c e", "788 to 820 CE"],
    ["from three hundred bce to two hundred ce", "from 300 BCE to 200 CE"],
    // A year before 1000 said in pairs is known as one by its era, its letters no code ("44bc" was written).
    ["as early as four fifty b c when the laws", "as early as 450 BC when the laws"],
    ["in forty four b c caesar died", "in 44 BC caesar died"],
    ["from seven eighty eight to eight twenty c e", "from 788 to 820 CE"],
    ["it cost four fifty", "it cost four fifty"],
    // "ad" going on into a noun is the advertisement; an era already written is left as it is.
    ["the nineteen eighty four ad campaign", "the 1984 ad campaign"],
    ["dates from about 3500 B.C.", "dates from about 3500 B.C."],
    ["the twenty fifth of july twenty twelve", "25 July 2012"],
    // ... and without "of"; "may" and "march" only with a year ("the first may be").
    ["born on twelfth january eighteen sixty three", "born on 12 January 1863"],
    ["made a port of entry the ninth october last", "made a port of entry the 9th October last"],
    ["the first may be the best", "the first may be the best"],
    ["october nineteen oh five", "October 1905"],
    ["june thirty", "June 30"],
    ["the nineteen nineties", "the 1990s"],
    ["in the mid seventeen hundreds", "in the mid 1700s"],
    ["in the early two thousands", "in the early 2000s"],
    ["two thousand people", "2000 people"],
    // Two numbers said in a row are no year of the 22nd century, nor one before a count.
    ["entering twenty two twenty one so", "entering 22 21 so"],
    ["within twelve eighteen months", "within 12 18 months"],
    ["in twelve ninety two the king died", "in 1292 the king died"],
    // A quarter stays words in prose; its year is written, as after any noun.
    ["in the second quarter of twenty twenty two", "in the second quarter of 2022"],
    ["welcome to the second quarter twenty twenty call", "welcome to the second quarter 2020 call"],
    ["you may one day", "you may one day"],
    // Without a year the words around the day stay, as books write it; with one, "25 July 2012".
    ["the seventh of september four months later", "the 7th of September four months later"],
    ["on the nineteenth of december he left", "on the 19th of December he left"],
    ["on the 19th of December he left", "on the 19th of December he left"],
    ["on 7 September four months later", "on 7 September four months later"],
    // After a number the capitalised word is a unit.
    ["it has 5 GB two of them", "it has 5 GB two of them"],
    ["on 7 september twenty twenty", "on 7 September 2020"],
  ],
  time: [
    ["quarter to twelve", "11:45"],
    ["two p m", "2 p.m."],
    ["three o'clock", "3:00"],
    ["eight oclock g m t", "8:00 GMT"],
    ["eleven forty six AM", "11:46 A.M."],
    // "five to ten" is a range, not 9:55; with "a.m."/"p.m." after the hour it is a time.
    ["five to ten people", "5-10 people"],
    ["twenty to three p m", "2:40 p.m."],
    ["three o clock", "3:00"],
    // a duration, outside the nemo style
    ["twelve hundred hours of video", "1,200 hours of video"],
    // "bit" is a word too: "one bit" is a little
    ["it changed not one bit", "it changed not one bit"],
    // "a quarter to five" takes its article; "half to" is no clock, "and a quarter" a mixed number's.
    ["it was a quarter to five", "it was 4:45"],
    ["it grew one and a half to two times", "it grew one and a half to two times"],
    ["one and a quarter to two hours", "one and a quarter to two hours"],
    // Hour and minutes after "at", "by", "until" are a clock, not a year or two numbers; before a noun they are not.
    ["we met at eleven fifteen", "we met at 11:15"],
    ["at ten thirty o'clock old man Ballinger came", "at 10:30 o'clock old man Ballinger came"],
    ["by eleven forty five tonight", "by 11:45 tonight"],
    ["at two twenty people", "at two twenty people"],
    ["I joined before nine eleven", "I joined before nine eleven"],
    ["in ten sixty six", "in 1066"],
  ],
  telephone: [
    // A compass letter after a house number and before a street's name is the street's direction.
    ["he lives at one twenty three n main street", "he lives at 123 N main street"],
    ["located at eleven o one w McKinley avenue", "located at 1101 W McKinley avenue"],
    ["the office is at twenty two b baker street", "the office is at 22b baker street"],
    ["one two three one two three five six seven eight", "123-123-5678"],
    ["plus forty four one two three one two three five six seven eight", "+44 123-123-5678"],
    // A toll-free area code said as a hundred, with the seven digits after it.
    ["call one eight hundred five five five one two one two now", "call 1-800-555-1212 now"],
    ["eight hundred five five five one two one two", "800-555-1212"],
    ["call five five five dash one two one two", "call 555-1212"],
    ["one twenty three dot one two three dot o dot four o", "123.123.0.40"],
    ["it runs on x eighty six", "it runs on x86"],
    // A capitalised number word is a name's, as it is alone ("BBC Two", "Radio One").
    ["at nine p m on b b c Two", "at 9 p.m. on BBC Two"],
    // A code's one letter and "o" before a digit spell a formula: "c o two" is CO2, not "c 02".
    ["c o two emissions", "co2 emissions"],
    ["j h e p o o o eight", "JHEP 0008"],
    // A year said in pairs after a code's digits is a year; so is one right after a letter.
    ["finalized in q one twenty twenty one", "finalized in q1 2021"],
    ["it was plan b nineteen ninety nine", "it was plan B 1999"],
    ["the model is an f sixteen jet", "the model is an f16 jet"],
    // A number before letters made plural counts them: no code.
    ["she sold two d v d 's", "she sold two d v d 's"],
    ["she sold two d v d's", "she sold two d v d's"],
    ["at five m p h", "at 5mph"],
    // A code before letters and a number ends at its last digits: the letters are a word of their own.
    ["x zero h g m t eighteen thousand", "x0 HGMT 18,000"],
    // "o" after a code's digits is a zero; before "clock" it is the o of o'clock.
    ["l t m four five o datasheet", "ltm450 datasheet"],
    ["x eighty six o clock", "x86 o clock"],
    // A letter joined to another by "and" is a name's ("A&M"), not the start of a code.
    ["texas a and m eighteen", "texas A&M 18"],
    ["vitamin b twelve", "vitamin B12"],
    ["vitamin d three", "vitamin D3"],
    ["a thirty six", "a 36"],
    ["zero meters zero", "0 m zero"],
    // Groups said with their dashes, in the shapes of an SSN-like id and a phone number only.
    ["one two three dash four five dash six seven eight nine", "123-45-6789"],
    ["five five five dash one two three dash four five six seven", "555-123-4567"],
    ["one two three dash four", "123 dash four"],
    // "oh" opening a number needs three digits after it.
    ["oh six zero nine seven seven", "060977"],
    ["oh one more thing", "oh one more thing"],
    // "o" is a zero said as the letter: two digits are a number.
    ["the area o five E", "the area 05 E"],
    ["report forty one : o o one .", "report 41 : 001 ."],
    // An ISBN is hyphenated by the agency's ranges when its check digit holds; otherwise plain digits, never a phone number.
    ["i s b n three seven seven o five three three eight o one", "ISBN 3-7705-3380-1"],
    ["isbn nine seven eight one eight four eight two seven one one two eight", "isbn 978-1-84827-112-8"],
    ["i s b n: one eight six five o eight one two three x", "ISBN: 1-86508-123-X"],
    ["i s b n three seven seven o five three three eight o two", "ISBN 3770533802"],
    // An "o" that opens spelled letters is the letter, and four letters after a number are a word of their own.
    ["i s b n nine seven eight o eight two two two two one eight two one o c l c one seven three", "ISBN 978-0-8222-2182-1 OCLC 173"],
    ["about five k g of rice", "about 5kg of rice"],
  ],
  electronic: [
    ["a dot b c at g mail dot com", "a.bc@gmail.com"],
    ["write to john at gmail dot com", "write to john@gmail.com"],
    ["h t t p colon slash slash w w w dot o u r d a i l y n e w s dot com", "http://www.ourdailynews.com"],
    ["kore dot ai", "kore.ai"],
    ["look at the dot com boom", "look at the dot com boom"],
    ["write a at gmail dot com please", "write a@gmail.com please"],
    ["see N vidia dot com", "see nvidia.com"],
    ["visit our daily news dot com today", "visit our daily news.com today"],
    // A name before "@" in parts: words and spelled characters joined by the connectors said.
    ["my email is john dot smith at gmail dot com", "my email is john.smith@gmail.com"],
    ["write to jane underscore doe at example dot org", "write to jane_doe@example.org"],
    ["mail smith one two three at yahoo dot com", "mail smith123@yahoo.com"],
    // "website at" is where the address is, not its mailbox.
    ["see our website at acme dot com slash investors", "see our website at acme.com/investors"],
    // An "o" between spelled digits is a zero; punctuation said by name ends the address.
    ["h t t p colon slash slash j stor dot org slash two seven o two semicolon then", "http://jstor.org/2702 semicolon then"],
    ["w w w dot x o one dot com", "www.xo1.com"],
    // country domains that are no English word, spelled or said
    ["watch it on justin dot t v", "watch it on justin.tv"],
    ["the red dot at the top", "the red dot at the top"],
    // A pronoun before "at" is the sentence's, not the address's.
    ["email me at john dot smith at gmail dot com", "email me at john.smith@gmail.com"],
  ],
  range: [
    ["twenty eight to thirty", "28-30"],
    // One count makes both ends counts.
    ["one thousand to two thousand people", "1,000-2,000 people"],
    // A scale said once after both ends is written once.
    ["we saw one to two million people", "we saw 1-2 million people"],
    // A year said in pairs ends no range from a small number.
    ["in quarter two to twenty twenty", "in quarter two to 2020"],
    ["one million to two million", "1-2 million"],
    // A small number before "to" and a scaled amount is that range's first end, not a clock's; a price
    // range writes its currency on both ends and keeps "to".
    ["two to three billion dollars", "$2 to $3 billion"],
    ["it costs ten to twenty dollars", "it costs $10 to $20"],
    ["from ten to twenty euros", "from €10 to €20"],
    ["ten to three dollars", "10 to $3"],
    // "hundred" or "thousand" said once after both ends multiplies both.
    ["two to three hundred people came", "200-300 people came"],
    ["five to six thousand years ago", "5,000-6,000 years ago"],
    ["twenty to thirty thousand dollars", "$20,000 to $30,000"],
    ["thirty to forty thousand tons", "30,000-40,000 tons"],
    ["two to three hundred kilometers", "200-300 km"],
    // "from" keeps "to" with a unit too.
    ["a height of from five hundred to six hundred feet", "a height of from 500 to 600 feet"],
    ["from five to twelve ounces", "from 5 to 12 ounces"],
    // Not where the second end has more than a head before its scale word, nor after a label.
    ["two to three thousand two hundred", "2-3,200"],
    ["page two to three hundred", "page 2-300"],
    ["a size of one to two hundred fifty thousand", "a size of 1-250,000"],
    // (after "scale" the pair is a ratio: "a scale of 1:250,000", see ratio)
    // A second number that goes on as a decimal ends no range.
    ["declined compared to fiscal twenty nineteen to sixty seven point five million", "declined compared to fiscal 2019 to 67.5 million"],
    // "between ... and" keeps its words; its ends share a scale or a currency as with "to".
    ["between two and three hundred people", "between 200 and 300 people"],
    ["somewhere between fifty and sixty million dollars", "somewhere between $50 and $60 million"],
    // A number compared with an amount in figures (percent, currency, unit) is in figures too.
    ["between seven and eight percent", "between 7 and 8%"],
    ["two or three dollars", "2 or $3"],
    ["between approximately one and two point five micrometers", "between approximately 1 and 2.5 μm"],
    ["p three hundred twenty three to three hundred thirty three", "p 323-333"],
    ["nineteen thirteen to nineteen thirty six", "1913-1936"],
    ["built in eighteen thirty seven to thirty eight", "built in 1837-38"],
    // "from A to B" keeps its "to".
    ["from nineteen twenty eight to nineteen fifty four", "from 1928 to 1954"],
    // Two small numbers stay prose; a falling pair is a score or a clock time.
    ["in one to two weeks", "in one to two weeks"],
    // After a label they are labels: "issues 1-3", like "issue 1".
    ["Fantastic Four number one to three", "Fantastic Four number 1-3"],
    ["won three to two", "won three to two"],
    // After "at", "by" or "until" a clock's minutes "to" an hour, then nothing a count goes with, are a clock time.
    ["at twenty to seven", "at 6:40"],
    // A relative time takes the "o'clock" said after it; an "a.m." keeps one period at a sentence's end.
    ["it is exactly half past ten o'clock now", "it is exactly 10:30 now"],
    ["was due at eleven o'clock a.m. on Wednesday", "was due at 11:00 a.m. on Wednesday"],
    ["it left at eleven a.m.", "it left at 11 a.m."],
    ["until five to six in the evening", "until 5:55 in the evening"],
    ["by five to six meters", "by 5-6 m"],
    ["at two to three people", "at two to three people"],
    ["at three to five years", "at three to five years"],
    ["the score was twenty to seven", "the score was 20 to seven"],
    // A span of years with its era keeps "to" (PIPELINE.md's seed case).
    ["eighteen thirty one to eighteen ninety six CE", "1831 to 1896 CE"],
    // A second number with a unit is left to its class.
    ["sixty to eighty percent", "60 to 80%"],
  ],
  ratio: [
    // A ratio's terms are joined by a colon, after "scale"/"ratio" (of) or before "ratio".
    ["a map at a scale of one to fifty thousand", "a map at a scale of 1:50,000"],
    ["a three to one ratio", "a 3:1 ratio"],
    ["the ratio of two to one", "the ratio of 2:1"],
    ["from three to five years", "from three to five years"],
  ],
  letters: [
    ["the u k top one hundred", "the UK top 100"],
    // A letter said three times running is a stutter ("i i i", "a a a"), but "w w w".
    ["well i i i love that", "well i i i love that"],
    ["we have a a a business", "we have a a a business"],
    ["on w w w", "on WWW"],
    // a word broken off after its first letter is no initial
    ["the first Black f- podcast festival", "the first Black f- podcast festival"],
    // a lone letter after a label word (config/itn/en/labels.tsv, kind letter) is the label's capital
    ["take vitamin d and rest", "take vitamin D and rest"],
    ["Take Vitamin d, and rest.", "Take Vitamin D, and rest."],
    ["we need a plan b", "we need a plan B"],
    ["we plan a trip", "we plan a trip"],
    ["saved as p d f", "saved as PDF"],
    // letters joined by "and" that the letter-pair table knows take an ampersand; before a name they are initials
    ["our r and d spending and m and a pipeline", "our R&D spending and M&A pipeline"],
    ["we will now open the Q and A session", "we will now open the Q&A session"],
    ["a t and t reported", "AT&T reported"],
    ["In: Froese, r and d Pauly.", "In: Froese, r and d Pauly."],
    ["is it a and b or c", "is it a and b or c"],
    ["i s b n o o two o seven three", "ISBN 002073"],
    // "a" and "i" are words: they open a spelled word only of three letters or more.
    ["get a b in class", "get a b in class"],
    ["i e the rest", "i e the rest"],
    ["the a b c model", "the ABC model"],
    // Capitals are initials already written; after a number a letter is a unit.
    ["A H Bullen", "A H Bullen"],
    ["at nine p m on", "at 9 p.m. on"],
    ["in nineteen fifteen , p p .", "in 1915 , PP ."],
    // Letters in an address are left to electronic.
    ["w w w dot o u r d a i l y n e w s dot com", "www.ourdailynews.com"],
    // Beside a capitalised name a letter is an initial, written with a period.
    ["Robert l Wilson was born in eighteen o five", "Robert L. Wilson was born in 1805"],
    ["see Lamb, h (nineteen ninety four), Hydrodynamics", "see Lamb, H. (1994), Hydrodynamics"],
    ["by Abbott , r t and Morris , p a A Field Guide", "by Abbott , R.T. and Morris , P.A. A Field Guide"],
    ["Riley, James a (nineteen ninety four).", "Riley, James A. (1994)."],
    ["lived in Washington, d c.", "lived in Washington, DC."],
    ["by Benissad , f ; Gadelle , p .", "by Benissad , F. ; Gadelle , P ."],
    // Not initials: an article or pronoun, a label before a figure, pages, versus, place codes, A&M.
    ["They met a Brahmin", "They met a Brahmin"],
    ["Because p nuts compiles", "Because p nuts compiles"],
    ["Engineering , p three hundred", "Engineering , p 300"],
    ["Great Britain v Chile", "Great Britain v Chile"],
    ["In the 2009 Commission v Italy case", "In the 2009 Commission v Italy case"],
    ["London , u k : Grub Street", "London , UK : Grub Street"],
    ["Texas a and m University", "Texas a and m University"],
    // A letter after an apostrophe is a clipped word.
    ["the Rock ' n Roll Hall of Fame", "the Rock ' n Roll Hall of Fame"],
    // A name the casing tables know counts in any case (casing capitalises it after ITN).
    ["robert l wilson", "robert L. wilson"],
    // A capital casing could have written is no evidence: a sentence start, a title.
    ["Lamb, h said so", "Lamb, h said so"],
    // A citation's shape is, in any case: "Surname, x" before a year, a date in brackets, the next author or "ed."
    ["Lamb, h (nineteen ninety four)", "Lamb, H. (1994)"],
    ["wolters, m (two thousand five).", "wolters, M. (2005)."],
    ["Mills , g two thousand seven : Luke Howard", "Mills , G. 2007 : Luke Howard"],
    ["Hoberman , j ( october sixteenth two thousand one ) .", "Hoberman , J. ( October 16, 2001 ) ."],
    ["Benissad , f ; Gadelle , p ; Coulon , m", "Benissad , F. ; Gadelle , P. ; Coulon , M."],
    ["Allaby , m , ed .", "Allaby , M. , ed ."],
    ["Roeleveld , m a c ( two thousand two ) .", "Roeleveld , M.A.C. ( 2002 ) ."],
    // ... or a list of authors going on: a letter and a name, or a name and its comma.
    ["Rudel , t k , r Defries", "Rudel , T.K. , R. Defries"],
    ["Wulf , w a , Shaw , m ,", "Wulf , W.A. , Shaw , M. ,"],
    // Not a citation: a page ("p. 37"), a clause opener before the comma, a year in running prose.
    ["Perry , p . thirty seven", "Perry , p . 37"],
    ["well , m ( nineteen ninety four )", "well , m ( 1994 )"],
    ["we were there , b two thousand eight was a good year", "we were there , b 2008 was a good year"],
    ["Smith , u k , and France", "Smith , UK , and France"],
    ["zero; s", "zero; s"],
  ],
  verse_ref: [
    ["chapter two verse forty seven", "2.47"],
    ["in chapter two", "in chapter 2"],
    ["verses five to seven", "verses 5-7"],
    // A subsection's parts are said as numbers and written dotted.
    ["see section three point twelve", "see section 3.12"],
    ["sections two point one to two point four", "sections 2.1-2.4"],
  ],
  title: [
    // "mister" and "missus" are titles before any word; the casing stage capitalises the name.
    ["we asked mister smith about it", "we asked Mr. smith about it"],
    ["mister and missus hill send their love", "Mr. and Mrs. hill send their love"],
    ["In 2012 mister MacMillan became chairman", "In 2012 Mr. MacMillan became chairman"],
    // "doctor" only before a name: capitalised, or known to the casing tables.
    ["currently doctor Lakeland", "currently Dr. Lakeland"],
    ["the doctor said it was fine", "the doctor said it was fine"],
    ["see a doctor soon", "see a doctor soon"],
    ["Doctor Who is on tonight", "Doctor Who is on tonight"],
    ["mister and the others", "mister and the others"],
    ["thank you mister.", "thank you mister."],
    // "misses" is a verb as often: not a title.
    ["she misses Paris", "she misses Paris"],
  ],
};

describe.each(Object.entries(cases))("itn class %s", (_name, table) => {
  it.each(table)("%j -> %j", (spoken, written) => {
    expect(itn(spoken)).toBe(written);
  });
});

describe("itn classes off by default", () => {
  it("roman and whitelist only when asked", () => {
    expect(itn("world war two and doctor dao")).toBe("world war two and doctor dao");
    const asked = itnOnly({ classes: { roman: true, whitelist: true } });
    expect(itn("world war two and doctor dao", asked)).toBe("World War II and dr. dao");
    expect(itn("Henry the eighth", asked)).toBe("Henry VIII");
  });

  it("roman reads a listed ruler's name in any case, and only where the ordinal ends the name", () => {
    const asked = itnOnly({ classes: { roman: true } });
    // config/itn/en/regnal_names.tsv: lower-case ASR's names.
    expect(itn("george the third had not yet been born", asked)).toBe("George III had not yet been born");
    expect(itn("henry the eighth of england married six times", asked)).toBe("Henry VIII of england married six times");
    expect(itn("like philip the second.", asked)).toBe("like Philip II.");
    // An unlisted lower-case word is no name; a rank goes on to its noun or "to".
    expect(itn("chapter the second", asked)).toBe("chapter the second");
    expect(itn("john the first to arrive", asked)).toBe("john the first to arrive");
    expect(itn("Mary the first time", asked)).toBe("Mary the first time");
  });

  it("without roman, a listed ruler's ordinal stays as said; other ordinals still convert", () => {
    expect(itn("louis the fourteenth was a formidable table companion")).toBe("louis the fourteenth was a formidable table companion");
    expect(itn("the ambition of louis the fourteenth of france")).toBe("the ambition of louis the fourteenth of france");
    expect(itn("in the fourteenth century")).toBe("in the 14th century");
    // Only listed names: a capital at the sentence's start is no ruler.
    expect(itn("On the fourteenth, we left.")).toBe("On the 14th, we left.");
  });

  it("range_dash en_dash joins every range with an en dash", () => {
    const typeset = itnOnly({ params: { range_dash: "en_dash" } });
    expect(itn("twenty eight to thirty", typeset)).toBe("28\u201330");
    expect(itn("five to ten kilometers", typeset)).toBe("5\u201310 km");
    expect(itn("verses five to seven", typeset)).toBe("verses 5\u20137");
  });

  it("title is off in the nemo style (its whitelist writes the titles) and can be switched off", () => {
    expect(itn("mister smith", nemoItn)).toBe("mr. smith");
    expect(itn("mister smith", itnOnly({ classes: { title: false } }))).toBe("mister smith");
  });

  it("letters is off in the nemo style; its whitelist writes the letter pairs", () => {
    expect(itn("saved as p d f", nemoItn)).toBe("saved as p d f");
    expect(itn("the s and p five hundred", nemoItn)).toBe("the S&P 500");
  });

  it("range is off in the nemo style and can be switched off", () => {
    expect(itn("twenty eight to thirty", nemoItn)).toBe("28 to 30");
    expect(itn("twenty eight to thirty", itnOnly({ classes: { range: false } }))).toBe("28 to 30");
  });

  it("a price range is money's: with money off, its amounts are cardinals", () => {
    expect(itn("ten to twenty dollars", itnOnly({ classes: { money: false } }))).toBe("10 to 20 dollars");
    expect(itn("ten to twenty dollars", itnOnly({ classes: { range: false } }))).toBe("10 to $20");
  });

  it("verse_format words", () => {
    expect(itn("chapter two verse forty seven", itnOnly({ params: { verse_format: "words" } }))).toBe("chapter 2 verse 47");
  });
});

describe("itn nemo style", () => {
  it.each([
    ["eighteen thousand eight hundred fifty four dollars", "$18854"],
    ["two p m", "02:00 p.m."],
    ["eight fifty two", "08:52"],
    ["july twenty fifth two thousand twelve", "july 25 2012"],
    ["second quarter of twenty twenty two", "Q2 2022"],
    ["eighteen point one four percent", "18.14 %"],
    ["three hours", "3 h"],
    // NeMo writes cents on their own in dollars
    ["fifty cents", "$0.50"],
    ["one cent", "$0.01"],
    ["two dollars five", "$2.05"],
    // NeMo reads "hundred hours" after an hour of the day as o'clock
    ["seventeen hundred hours", "17:00"],
    ["twenty five hundred hours", "2500 h"],
    ["twelve", "twelve"],
    // a negative number keeps the rule for its number: below thirteen it stays as said
    ["minus one", "minus one"],
    ["minus thirteen", "-13"],
    ["Twenty!", "20 !"],
    ["E s three", "Es3"],
    ["r t x forty fifty t i", "RTX 4050ti"],
    ["p c i e x eight", "PCIe x8"],
    ["one one two three one two three five six seven eight", "1 123-123-5678"],
    ["one two three four one two three four five six one two three four", "1234 123456 1234"],
    ["were forty people, then", "were 40 people, then"],
    ["forty second", "42nd"],
    ["one hundred twenty second", "122nd"],
    ["a thirty second clip", "a 30 s clip"],
    ["zeroth", "0th"],
    ["sixty five miles an hour", "65 mph"],
    ["one eight hundred five five five one two one two", "1 800-555-1212"],
  ])("%j -> %j", (spoken, written) => {
    expect(itn(spoken, nemoItn)).toBe(written);
  });
});

describe("itn numbers after a label word", () => {
  it.each([
    ["In Game seven it was over.", "In Game 7 it was over."],
    ["( Level two ) courses", "( Level 2 ) courses"],
    ["Max reached Category four intensity .", "Max reached Category 4 intensity ."],
    ["type one diabetes", "type 1 diabetes"],
    ["the society , volume four .", "the society , volume 4 ."],
    // A list the label or reference opened: every number in it.
    ["in chapters two, three and four", "in chapters 2, 3 and 4"],
    // a number said in pairs is read whole after a reference word
    ["pages five to nineteen ninety", "pages 5-1990"],
    ["see verses one, two, and five", "see verses 1, 2, and 5"],
    ["level two or three", "level 2 or 3"],
    ["the scores were three, five and seven", "the scores were three, five and seven"],
    ["chapter two, and then we left", "chapter 2, and then we left"],
    // A small number counting a span of time is no label ("number one" still labels).
    ["you told Bobby after group one day.", "you told Bobby after group one day."],
    ["on number one day of the year", "on number 1 day of the year"],
    // After a determiner or "be", "number one" ranks, as transcripts write it: words.
    ["it will always be our number one priority", "it will always be our number one priority"],
    ["please press star then the number one on your telephone", "please press star then the number one on your telephone"],
    ["we're number one", "we're number one"],
    ["the number twelve thousand", "the number 12,000"],
    ["ball number two", "ball number 2"],
    // Punctuation between: not a label.
    ["in part , one of the founders", "in part , one of the founders"],
    // Capitals alone are not labels: a later stage's casing must not change what a second run reads.
    ["it ran Windows seven until", "it ran Windows seven until"],
    // An identifier's label: its number has no thousands separator, other numbers keep theirs.
    ["with ZIP code twenty six thousand two hundred seventy eight .", "with ZIP code 26278 ."],
    ["a code of twelve thousand lines", "a code of 12,000 lines"],
    // ... also a label spelled in letters.
    ["p m i d eight million six hundred twenty two thousand eight hundred twenty eight", "PMID 8622828"],
    ["( entry six hundred two thousand eleven )", "( entry 602011 )"],
    // A small fraction or a small count of a word unit stays words beside a number in figures.
    ["nearly fifty million or three quarters of that total", "nearly 50 million or three quarters of that total"],
    ["it took two or three hours", "it took two or three hours"],
    ["it took two or three kilograms", "it took 2 or 3 kg"],
    // "the number" names a value: separators as for any count.
    ["the number twelve thousand", "the number 12,000"],
    ["the din forty five thousand five hundred ninety six standard", "the din 45596 standard"],
    // An abbreviated label counts with its period only: "p one" may be a code.
    ["Perry , p . one .", "Perry , p . 1 ."],
    ["see vol. two of the series", "see vol. 2 of the series"],
    // A citation's issue: a number alone in brackets after the volume, before the pages' colon.
    ["Studies seventy five ( three ) : two hundred seventy nine .", "Studies 75 ( 3 ) : 279 ."],
    ["Biology seventeen (six): two hundred twelve", "Biology 17 (6): 212"],
    ["he had seventeen (six) children", "he had 17 (six) children"],
    // What a label labels is an identifier: no thousands separator.
    ["Top Country Tracks : Issue seven thousand seven hundred eighty eight .", "Top Country Tracks : Issue 7788 ."],
  ])("%j -> %j", (spoken, written) => {
    expect(itn(spoken)).toBe(written);
  });

  it("digits_after_labels: false keeps them words; nemo style has it off", () => {
    expect(itn("In Game seven it was over.", itnOnly({ params: { digits_after_labels: false } }))).toBe("In Game seven it was over.");
    expect(itn("in game seven it was over", nemoItn)).toBe("in game seven it was over");
  });
});

describe("itn written prose (default style)", () => {
  // Punctuated prose spells out the numbers said in one short word (zero to twelve); 13 and up are digits.
  it.each([
    ["Louis and Jacqueline had eleven children .", "Louis and Jacqueline had eleven children ."],
    ["one of the top ten records.", "one of the top ten records."],
    ["Louis and Jacqueline had thirteen children .", "Louis and Jacqueline had 13 children ."],
    ["and forty two union men were fired.", "and 42 union men were fired."],
    ["he scored three goals in nine games.", "he scored three goals in nine games."],
    ["one of the first, those two went.", "one of the first, those two went."],
    ["it cost twenty dollars.", "it cost $20."],
    ["over eighteen thousand verses.", "over 18,000 verses."],
    ["they had eleven children", "they had 11 children"],
    // A small number paired with one of 10 or more is written alike.
    ["and Windows ( from two thousand to seven ) .", "and Windows ( from 2000 to 7 ) ."],
    ["between one and fifteen.", "between 1 and 15."],
    ["one or two people.", "one or two people."],
    ["scoring three goals and thirty five caps.", "scoring three goals and 35 caps."],
    ["( two to three ) : sixty.", "( two to three ) : 60."],
    // ... and shares its "hundred" or "thousand" as a range's first end does, written as the second is.
    ["we expect between three and four hundred million", "we expect between 300 and 400 million"],
    ["from two to three thousand", "from 2,000 to 3,000"],
    ["one or two thousand people", "1000 or 2000 people"],
    // A small number with another said right after it is one of a pair no class read: no "8 20".
    ["he lived from seven eighty eight to eight twenty", "he lived from seven eighty eight to eight twenty"],
    // "to" pairs only in "from A to B": "twenty to seven" after "at" is a clock time.
    ["we met at twenty to seven.", "we met at 6:40."],
  ])("%j -> %j", (spoken, written) => {
    expect(itn(spoken)).toBe(written);
  });

  it("prose_spell_out_below: 10 spells out zero to nine only (the news convention)", () => {
    const news = itnOnly({ params: { prose_spell_out_below: 10 } });
    expect(itn("Louis and Jacqueline had eleven children .", news)).toBe("Louis and Jacqueline had 11 children .");
    expect(itn("he scored three goals in nine games.", news)).toBe("he scored three goals in nine games.");
  });

  it("prose_spell_out_below: 100 keeps one- and two-word numbers as words (Chicago style); 0 turns the rule off", () => {
    const chicago = itnOnly({ params: { prose_spell_out_below: 100 } });
    expect(itn("Louis and Jacqueline had eleven children .", chicago)).toBe("Louis and Jacqueline had eleven children .");
    expect(itn("and forty two union men were fired.", chicago)).toBe("and forty two union men were fired.");
    expect(itn("over eighteen thousand verses.", chicago)).toBe("over 18,000 verses.");
    expect(itn("they had eleven children", chicago)).toBe("they had 11 children");
    expect(itn("they had eleven children.", itnOnly({ params: { prose_spell_out_below: 0 } }))).toBe("they had 11 children.");
  });
});
