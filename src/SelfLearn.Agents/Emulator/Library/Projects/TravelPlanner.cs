using SelfLearn.Agents.Emulator.Library.Templates;
using SelfLearn.Domain.Scenarios;

namespace SelfLearn.Agents.Emulator.Library.Projects;

internal static class TravelPlanner
{
    public static ProjectContent Content { get; } = new(
        Name: "travel-planner",
        Intents: ["Plan a summer trip with {partner} and keep track of bookings", "Organise a holiday abroad and a visit to family"],
        Cast:
        [
            new("partner", ["Tom", "Jonas", "Leo", "Max", "Sam"]),
            new("sister", ["Lena", "Marta", "Ines", "Clara", "Sofia"]),
            new("friend", ["Nora", "Paul", "Yusuf", "Greta", "Ivan"]),
        ],
        Facts:
        [
            new("sister-city", ["Porto", "Lyon", "Gdansk", "Valencia", "Bologna"],
                Tell: ["My sister {sister} lives in {v}.", "{sister}, my sister, has been living in {v} for a few years now."],
                Ask: ["Which city is my sibling based in?", "Where does {sister} have her home these days?", "In what town would I find my sister's flat?", "Where does my sister {sister} live?"]),
            new("home-airport", ["Frankfurt", "Schiphol", "Heathrow", "Zurich", "Copenhagen"],
                Tell: ["I always fly out of {v}.", "I always fly out of {v}, it's the closest one to home."],
                Ask: ["From which airport do I usually start my journeys?", "What's my usual departure hub?", "Which airport do I always fly out of?"],
                Clarify: new("Look for flights from the usual airport, please.", "Which airport is the usual one: {options}?")),
            new("budget", ["1,200 euros", "900 euros", "2,000 euros", "1,500 euros"],
                Tell: ["Our budget for the whole trip is {v}.", "We can spend about {v} on this trip, all in, including flights."],
                Ask: ["How much money do we have for the holiday in total?", "What's the overall cap on our vacation costs?", "What is our budget for the whole trip?"],
                Clarify: new("Keep the budget in mind when you suggest hotels.", "Is that budget per person or for the whole trip, and how much is it?")),
            new("partner-allergy", ["shellfish", "peanuts", "gluten", "sesame"],
                Tell: ["{partner} is allergic to {v}.", "{partner} is allergic to {v}, so restaurants need to be careful with that."],
                Ask: ["What food must my companion avoid?", "Is there an ingredient that makes {partner} ill?"],
                Clarify: new("Watch out for the allergy when you pick restaurants.", "Whose allergy do you mean, and what is it to?")),
        ],
        Preferences:
        [
            new("seat", ["aisle", "window"],
                Tell: ["On flights I take the {v} seat.", "On flights I always take the {v} seat, otherwise I get grumpy."],
                Ask: ["Where do I like to sit on a plane?", "Which spot in the cabin do I favour?", "Which seat do I take on flights?"], Answer: "the {v} seat"),
            new("stay", ["small boutique hotels", "apartments with a kitchen", "quiet guesthouses", "big hotels with a pool"],
                Tell: ["I prefer {v}.", "Honestly, {v} suit me best when I travel."],
                Ask: ["What kind of accommodation do I favour?", "Where do I like to sleep on holiday?", "Which kind of hotel do I prefer?"]),
            new("pace", ["lots of walking", "slow mornings", "plenty of museums", "time at the beach"],
                Tell: ["I like trips with {v}.", "The trips I enjoy most have {v}, that's what makes a holiday for me."],
                Ask: ["How do I enjoy spending my days off abroad?", "What makes a vacation good for me?"]),
            new("transport", ["train", "night train", "rental car", "coach"],
                Tell: ["I'd rather go by {v} than fly.", "Whenever possible I'd rather go by {v} than fly, it's more relaxing."],
                Ask: ["What's my favourite way to get around instead of planes?", "Which alternative to aviation do I prefer?"], Answer: "by {v}"),
        ],
        Updates:
        [
            new("departure", Upcoming.Dates,
                Tell: ["We're planning to leave on {v}.", "We're planning to leave on {v}, {partner} already asked for the days off."],
                Change: ["Change of plans: we're now leaving on {v}.", "Actually, the departure moved to {v}."],
                Ask: ["What is the current start date of our holiday?", "When do we set off, as things stand?", "When are we leaving now?"]),
            new("first-hotel", ["Hotel Miramar", "Casa Azul", "Hotel Lindenhof", "The Harbour Inn"],
                Tell: ["We booked {v} for the first three nights.", "We booked {v} for the first three nights; it looked lovely in the photos."],
                Change: ["Scratch that, we cancelled and booked {v} instead.", "Update: we switched the first nights to {v}."],
                Ask: ["Where are we staying at the start of the trip now?", "Which place have we reserved for the opening nights?", "Which hotel did we book for the first nights?"]),
        ],
        Events:
        [
            new("passport", "renewed my passport", "get new travel documents", "getting new travel documents"),
            new("rail-tickets", "booked the train tickets to the coast", "reserve seats for the rail journey", "the rail reservation"),
            new("suitcase", "bought a new suitcase", "pick up fresh luggage", "the luggage purchase"),
            new("vaccinations", "got my travel vaccinations", "have my jabs done", "the jabs"),
            new("currency", "exchanged money for the trip", "swap cash into local currency", "the cash swap"),
        ],
        Chains:
        [
            new(new("friend-city", ["Ghent", "Ljubljana", "Tallinn", "Seville"],
                    Tell: ["My old friend {friend} moved to {v} last year.", "{friend}, an old friend of mine, moved to {v} last year."], Ask: []),
                new("friend-nights", ["two", "three", "four", "five"],
                    Tell: ["I'd like to stay {v} nights with {friend}.", "I'd like to stay {v} nights with {friend}, we have a lot to catch up on."], Ask: []),
                Ask: ["How many nights do I want to spend in {a}?", "How long do I plan to be in {a}?"], Answer: "{b} nights"),
            new(new("partner-birthday", ["18 August", "2 September", "27 July", "11 October"],
                    Tell: ["{partner}'s birthday is on {v}.", "{partner}'s birthday is on {v}, I must not forget it this year."], Ask: []),
                new("birthday-dinner", ["Lisbon", "Nice", "Split", "Naples"],
                    Tell: ["For {partner}'s birthday I want a surprise dinner in {v}.", "For {partner}'s birthday I'd love to surprise them with a dinner in {v}."], Ask: []),
                Ask: ["Which date should the surprise meal be booked for?", "On what day is the secret dinner I'm planning?"], Answer: "{a}"),
        ],
        Unknowns: ["What's my passport number?", "Which airline am I loyal to?", "Who is my travel insurance with?", "How old is my sister?"],
        Chatter:
        [
            new("I saw a documentary about Iceland yesterday, the landscapes looked unreal.", "Iceland really is spectacular on screen."),
            new("A colleague just came back from Greece and won't stop talking about it.", "Sounds like they had a great time!"),
            new("My neighbour's flight got delayed eight hours last week, what a nightmare.", "That's rough, delays like that are exhausting."),
        ]);
}
