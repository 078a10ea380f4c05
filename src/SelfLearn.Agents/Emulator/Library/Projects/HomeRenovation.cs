using SelfLearn.Agents.Emulator.Library.Templates;

namespace SelfLearn.Agents.Emulator.Library.Projects;

internal static class HomeRenovation
{
    public static ProjectContent Content { get; } = new(
        Name: "home-renovation",
        Intents: ["Renovate an old flat room by room without losing track of costs", "Coordinate builders, materials and dates for a kitchen and bathroom refit"],
        Cast: [],
        Facts:
        [
            new("built-in", ["1928", "1956", "1974", "1991"],
                Tell: ["The house was built in {v}.", "The house was built in {v}, so nothing is quite straight."],
                Ask: ["How old is the building I'm fixing up?", "From which era does my home date?"]),
            new("contractor", ["Kowalski Builds", "Brightline Renovations", "Oak & Stone", "Hendricks & Sons"],
                Tell: ["We hired {v} for the main work.", "We hired {v} for the main work after comparing three quotes."],
                Ask: ["Which company is doing the bulk of the construction?", "Who did we pick as our building firm?", "Who did we hire for the main work?"],
                Clarify: new("The builders want to know when they can start.", "Which builders do you mean: {options}?")),
            new("floor-area", ["68", "85", "110", "95"],
                Tell: ["The flat is {v} square metres.", "The flat is {v} square metres, bigger than it looks from outside."],
                Ask: ["How big is my home in total?", "What's the size of the apartment?", "How many square metres is the flat?"], Answer: "{v} square metres"),
            new("permit", ["BP-2291", "BP-4410", "BP-3075", "BP-1862"],
                Tell: ["The building permit number is {v}.", "The building permit number is {v}, I'll need it for the paperwork."],
                Ask: ["What's the reference on the approval from the council?", "Which code did the authorities give our paperwork?"],
                Clarify: new("I need the permit number for the form.", "Which permit do you mean, the building permit or the one for the skip?")),
        ],
        Preferences:
        [
            new("floors", ["oak", "polished concrete", "terracotta tile", "walnut"],
                Tell: ["I want {v} floors.", "I want {v} floors throughout, no carpet anywhere."],
                Ask: ["What flooring do I have in mind?", "What should we put underfoot in every room?", "What floors do I want?"]),
            new("wall-colour", ["warm white", "sage green", "soft grey", "sand"],
                Tell: ["For the walls I like {v}.", "For the walls I like {v}, something calm and easy to live with."],
                Ask: ["Which paint shades do I favour?", "What colour should the rooms be painted?", "What do I like for the walls?"]),
            new("kitchen-look", ["minimal and handleless", "rustic with open shelves", "industrial with steel worktops"],
                Tell: ["I'd love the kitchen {v}.", "I'm dreaming of a kitchen that's {v}, like the ones in magazines."],
                Ask: ["What look am I going for in the cooking area?", "How do I picture the new cooking space?"]),
            new("quiet-hours", ["8 am", "9 am", "10 am"],
                Tell: ["No noisy work before {v}, please.", "No noisy work before {v}, please, the neighbours already complain."],
                Ask: ["What's the earliest the crew may start drilling?", "From what hour can loud jobs begin?"]),
        ],
        Updates:
        [
            new("budget", ["45,000 euros", "60,000 euros", "38,000 euros", "52,000 euros"],
                Tell: ["The renovation budget is {v}.", "The renovation budget is {v}, and I'd rather not go over it."],
                Change: ["We revised the budget: it's {v} now.", "New numbers: the budget is {v} from now on."],
                Ask: ["How much money is set aside for the works at this point?", "What can we spend on the project now?", "What is the renovation budget now?"]),
            new("finish", ["end of March", "mid-April", "early May", "late June"],
                Tell: ["The builders say they'll be done by {v}.", "The builders say they'll be done by {v}, fingers crossed."],
                Change: ["The schedule moved: they now expect to finish by {v}.", "Heads-up: completion is now planned for {v}."],
                Ask: ["When is the job supposed to wrap up now?", "What's the current target for having everything complete?", "When will the builders be done now?"]),
        ],
        Events:
        [
            new("contract-signed", "signed the contract with the builders", "put my signature on the agreement with the construction firm", "the agreement signing"),
            new("electrics", "had the electrics inspected", "get the wiring checked", "the wiring check"),
            new("tiles", "picked up the tiles from the showroom", "collect the ceramic pieces from the store", "the ceramic collection"),
            new("demolition", "had the old kitchen ripped out", "get the previous cooking area demolished", "the demolition"),
            new("windows", "ordered the new windows", "place the order for replacement glazing", "the glazing order"),
        ],
        Chains:
        [
            new(new("electrician", ["Piotr", "Greta", "Dmitri", "Lucy"],
                    Tell: ["Our electrician is {v}.", "Our electrician is {v}, recommended by a neighbour."], Ask: []),
                new("rewiring-quote", ["3,400 euros", "2,900 euros", "4,100 euros"],
                    Tell: ["{a} quoted {v} for rewiring the whole flat.", "{a} quoted {v} for rewiring the whole flat, which seems fair."], Ask: []),
                Ask: ["How much did the person handling our electrics ask for the job?", "What price did our sparky give us?"], Answer: "{b}"),
            new(new("tile-supplier", ["Ceramica Rossi", "TileWorld", "Mosaic House"],
                    Tell: ["The bathroom tiles come from {v}.", "The bathroom tiles come from {v}, they had the best colours."], Ask: []),
                new("delivery-time", ["two weeks", "ten days", "three weeks"],
                    Tell: ["{a} said delivery takes {v}.", "{a} said delivery takes {v}, so we ordered early."], Ask: []),
                Ask: ["How long will the firm supplying our bathroom ceramics need to ship them?", "What lead time did our tile vendor promise?"], Answer: "{b}"),
        ],
        Unknowns: ["What's the name of our plumber?", "How much did the tiles cost per square metre?", "When is the roof being inspected?", "What colour will the front door be?"],
        Chatter:
        [
            new("There's dust absolutely everywhere, even in the fridge somehow.", "Renovation dust gets into everything, sadly."),
            new("I watched three hours of house makeover shows last night.", "They're oddly addictive, aren't they?"),
            new("The neighbour's dog barked at the builders all morning.", "Poor dog, all that noise must be confusing."),
        ]);
}
