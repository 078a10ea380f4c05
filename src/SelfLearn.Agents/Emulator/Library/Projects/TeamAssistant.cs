using SelfLearn.Agents.Emulator.Library.Templates;

namespace SelfLearn.Agents.Emulator.Library.Projects;

internal static class TeamAssistant
{
    public static ProjectContent Content { get; } = new(
        Name: "team-assistant",
        Intents: ["Keep a small product team's meetings, people and deadlines in order", "Help a team lead prepare a product launch"],
        Cast: [],
        Facts:
        [
            new("office", ["Berlin", "Munich", "Lisbon", "Warsaw"],
                Tell: ["Our team sits in the {v} office.", "Our team sits in the {v} office, third floor, next to the kitchen."],
                Ask: ["In which city is my team located?", "Where do my colleagues and I work from?"],
                Clarify: new("Book the meeting room at the office for Thursday.", "Which office do you mean, {options}?")),
            new("team-size", ["six", "nine", "twelve", "four"],
                Tell: ["There are {v} people on my team.", "There are {v} people on my team, counting me."],
                Ask: ["How big is my group?", "What's the headcount of the crew I lead?"]),
            new("manager", ["Priya", "Jonas", "Helen", "Omar"],
                Tell: ["My manager is {v}.", "My manager is {v}, really supportive so far."],
                Ask: ["Who do I report to?", "Who is my boss?", "Who is my manager?"],
                Clarify: new("Send the summary to my manager as well.", "Who is your manager, {options}?")),
            new("standup", ["9:15", "9:30", "10:00", "8:45"],
                Tell: ["Our stand-up is at {v} every day.", "Our stand-up is at {v} every day, and it always runs over."],
                Ask: ["What time is the daily team sync?", "When do we have our morning check-in?", "What time is our stand-up?"]),
            new("tracker", ["Jira", "Linear", "a shared spreadsheet", "Trello"],
                Tell: ["We track work in {v}.", "We track all our work in {v}, for better or worse."],
                Ask: ["Which system holds our task board?", "Where do we manage tickets?", "Where do we track our work?"]),
        ],
        Preferences:
        [
            new("no-meetings", ["on Friday afternoons", "before 10", "over lunch"],
                Tell: ["I'd rather not have meetings {v}.", "I'd rather not have meetings {v}, that's my focus time."],
                Ask: ["When should calls not be scheduled for me?", "Which slot do I want kept free of appointments?"]),
            new("recap-format", ["three bullet points", "a short paragraph", "a table"],
                Tell: ["I like summaries as {v}.", "I like summaries as {v}, I don't have time for long emails."],
                Ask: ["How do I want recaps formatted?", "In what shape should digests be written for me?"]),
            new("channel", ["Slack", "Teams", "Signal"],
                Tell: ["Ping me on {v} rather than email.", "Ping me on {v} rather than email, I barely check my inbox."],
                Ask: ["What's the best way to reach me?", "Which messaging app should people use to contact me?", "Where should people ping me?"]),
        ],
        Updates:
        [
            new("launch", ["March", "April", "May", "June", "September"],
                Tell: ["We plan to launch in {v}.", "We plan to launch in {v}, assuming testing goes well."],
                Change: ["Actually, we moved the launch to {v}.", "The launch date changed, it's {v} now."],
                Ask: ["When does the product release happen now?", "Which month is the go-live planned for at the moment?", "When is the launch now?"]),
            new("migration-lead", ["Katrin", "Marek", "Aylin", "Joel"],
                Tell: ["{v} is leading the migration project.", "{v} is leading the migration project, it's a big one."],
                Change: ["Heads-up: {v} has taken over the migration.", "Change: {v} runs the migration from now on."],
                Ask: ["Who is in charge of moving us to the new platform these days?", "Who owns the platform switch currently?", "Who is leading the migration project now?"]),
        ],
        Events:
        [
            new("roadmap", "presented the roadmap to the board", "show the plan for the year to the directors", "the directors' briefing"),
            new("designer", "hired a new designer", "bring a UX person on board", "the UX hire"),
            new("retro", "ran our first retrospective", "hold the first look-back meeting", "the first look-back session"),
            new("desk-move", "moved the team to the new floor", "relocate everyone to different desks", "the desk relocation"),
            new("budget-signoff", "signed off the quarterly budget", "approve the spending plan for the quarter", "the spending approval"),
        ],
        Chains:
        [
            new(new("intern", ["Lukas", "Amara", "Felix", "Zoe"],
                    Tell: ["The new intern is called {v}.", "The new intern is called {v}, fresh from university."], Ask: []),
                new("intern-start", Upcoming.Dates,
                    Tell: ["{a} starts on {v}.", "{a} starts on {v}, I still need to order a laptop."], Ask: []),
                Ask: ["When does our newest trainee begin?", "What's the first working day of the student joining us?"], Answer: "{b}"),
            new(new("big-client", ["Nordwind Logistics", "Helio Pharma", "Bluebird Foods"],
                    Tell: ["Our biggest client is {v}.", "Our biggest client is {v}, they pay for half the team."], Ask: []),
                new("renewal", ["October", "January", "August"],
                    Tell: ["The contract with {a} renews in {v}.", "The contract with {a} renews in {v}, so we need a good demo before then."], Ask: []),
                Ask: ["When is the renewal due with our largest customer?", "In which month does our most important account come up for extension?"], Answer: "{b}"),
        ],
        Unknowns: ["What's the budget for the team offsite?", "What's my manager's phone number?", "Which vendor did we pick for the new laptops?", "How many vacation days do I have left?"],
        Chatter:
        [
            new("The coffee machine on our floor broke again.", "That's a productivity emergency!"),
            new("Someone replied-all to the whole company this morning, chaos.", "Ah, the classic reply-all storm."),
            new("I had back-to-back calls for five hours yesterday.", "That sounds draining, hopefully today is calmer."),
        ]);
}
