using SelfLearn.Agents.Emulator.Library.Templates;
using SelfLearn.Domain.Scenarios;

namespace SelfLearn.Agents.Emulator.Library.Projects;

internal static class RecipeHelper
{
    public static ProjectContent Content { get; } = new(
        Name: "recipe-helper",
        Intents: ["Plan weeknight family dinners that everyone can eat", "Prepare a dinner party and learn a few new dishes"],
        Cast:
        [
            new("kid", ["Mia", "Noah", "Lily", "Theo"]),
        ],
        Facts:
        [
            new("household", ["three", "four", "five"],
                Tell: ["We're a family of {v}.", "We're a family of {v}, so portions need to be generous."],
                Ask: ["How many people do I usually cook for?", "How large is my household?", "How big is my family?"]),
            new("oven-max", ["220", "200", "250"],
                Tell: ["My oven only goes up to {v} degrees.", "My oven only goes up to {v} degrees, it's ancient."],
                Ask: ["What's the top temperature of my cooker?", "How hot can my stove's baking compartment get?"], Answer: "{v} degrees"),
            new("kid-allergy", ["tree nuts", "eggs", "sesame", "kiwi"],
                Tell: ["{kid} is allergic to {v}.", "{kid} is allergic to {v}, we carry an EpiPen everywhere."],
                Ask: ["What can't my child eat because of a reaction?", "Which ingredient is dangerous for my little one?", "What is {kid} allergic to?"],
                Clarify: new("Remember the allergy when you suggest desserts.", "Whose allergy do you mean, and what is it to?")),
            new("appliance", ["slow cooker", "air fryer", "pressure cooker"],
                Tell: ["I have a {v} but no microwave.", "I have a {v} but no microwave, so recipes should use that instead."],
                Ask: ["Which kitchen gadget do I own?", "What countertop device is available to me?"],
                Clarify: new("Can you adapt the recipe for my machine?", "Which machine do you mean, {options}?")),
        ],
        Preferences:
        [
            new("cuisine", ["Thai", "Mexican", "Lebanese", "Japanese"],
                Tell: ["We love {v} food.", "We all love {v} food, it's what we order on Fridays."],
                Ask: ["Which cooking style is our family's favourite?", "What type of dishes do we enjoy the most?", "Which food do we love?"]),
            new("heat", ["really spicy", "mild", "medium-hot"],
                Tell: ["I like my food {v}.", "I like my food {v}, whatever the recipe says."],
                Ask: ["How much chilli do I want in dishes?", "What spice level suits me?"]),
            new("weeknight", ["20 minutes", "30 minutes", "45 minutes"],
                Tell: ["On weeknights, meals must take under {v}.", "On weeknights I need meals that take under {v}, I'm exhausted after work."],
                Ask: ["How long can dinner prep take on a working day?", "What's my time limit for cooking Monday to Friday?"]),
            new("hated-ingredient", ["coriander", "olives", "mushrooms", "blue cheese"],
                Tell: ["I can't stand {v}.", "I honestly can't stand {v}, please leave it out."],
                Ask: ["Which ingredient do I hate?", "What flavour do I refuse to eat?", "What can't I stand in food?"]),
        ],
        Updates:
        [
            new("diet", ["vegetarian", "low-carb", "pescatarian", "vegan"],
                Tell: ["I'm on a {v} diet.", "I'm following a {v} diet at the moment, it's going well."],
                Change: ["Update: I've switched to a {v} diet.", "I changed my eating again, it's {v} now."],
                Ask: ["What eating plan am I following currently?", "Which nutrition regime am I on these days?", "Which diet am I on now?"], Kind: FactKinds.Preference),
            new("guests", ["six", "eight", "ten", "twelve"],
                Tell: ["The dinner party is for {v} guests.", "The dinner party is for {v} guests, the biggest I've ever hosted."],
                Change: ["The guest list changed: now it's {v} guests.", "More replies came in, so we're {v} guests now."],
                Ask: ["How many people are coming to my evening gathering now?", "What's the current headcount for the party?", "How many guests is the dinner party for now?"]),
        ],
        Events:
        [
            new("sourdough", "baked my first sourdough loaf", "make bread with a starter for the first time", "my first starter bread"),
            new("barbecue", "hosted a barbecue for the neighbours", "have the people next door over for grilling", "the grill evening"),
            new("pan", "bought a cast-iron pan", "get a heavy skillet", "the skillet purchase"),
            new("lasagne", "burned the lasagne", "ruin the pasta bake", "the pasta bake disaster"),
            new("knife-class", "took a knife skills class", "attend a cutting course", "the cutting course"),
        ],
        Chains:
        [
            new(new("mother-in-law", ["Rosa", "Helga", "Maureen", "Yoko"],
                    Tell: ["My mother-in-law {v} is visiting next month.", "My mother-in-law {v} is visiting next month, for two whole weeks."], Ask: []),
                new("guest-restriction", ["pork", "gluten", "onions"],
                    Tell: ["{a} doesn't eat {v}.", "{a} doesn't eat {v}, she's very strict about it."], Ask: []),
                Ask: ["What must I leave out while my spouse's mum stays with us?", "Which ingredient should I avoid when my partner's mother comes?"], Answer: "{b}"),
            new(new("lunch-friend", ["Nadia", "Carl", "Beatriz"],
                    Tell: ["My best friend {v} is coming for lunch on Saturday.", "My best friend {v} is coming for lunch on Saturday, I want to impress."], Ask: []),
                new("friend-drink", ["sparkling water", "red wine", "green tea"],
                    Tell: ["{a} only drinks {v}.", "{a} only ever drinks {v}, no matter the occasion."], Ask: []),
                Ask: ["What beverage should I serve at the weekend meal with my closest pal?", "Which drink should I buy for my guest at the end of the week?"], Answer: "{b}"),
        ],
        Unknowns: ["What brand is my oven?", "How much did I spend on groceries last week?", "What's in my grandmother's secret stew?", "Which supermarket do I shop at?"],
        Chatter:
        [
            new("I saw a documentary about street food in Bangkok, so good.", "Street food documentaries always make me hungry."),
            new("The kids spilled juice all over the floor this morning.", "Mornings with kids are never boring!"),
            new("My neighbour grows tomatoes on her balcony, they look amazing.", "Homegrown tomatoes are the best."),
        ]);
}
