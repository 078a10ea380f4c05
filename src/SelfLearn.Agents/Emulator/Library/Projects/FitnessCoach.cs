using SelfLearn.Agents.Emulator.Library.Templates;

namespace SelfLearn.Agents.Emulator.Library.Projects;

internal static class FitnessCoach
{
    public static ProjectContent Content { get; } = new(
        Name: "fitness-coach",
        Intents: ["Get fit for an autumn race with a weekly training plan", "Build a sustainable workout routine around a busy job"],
        Cast: [],
        Facts:
        [
            new("goal-event", ["half marathon", "10K race", "sprint triathlon", "charity relay"],
                Tell: ["I'm training for a {v} in the autumn.", "I'm training for a {v} in the autumn, it's the first one I've ever entered."],
                Ask: ["What event am I preparing for?", "Which competition is all this effort aimed at?", "What am I training for this autumn?"]),
            new("sore-joint", ["deep squats", "lunges", "box jumps", "downhill runs"],
                Tell: ["My left knee hurts when I do {v}.", "My left knee starts hurting whenever I do {v}, it's been like that since spring."],
                Ask: ["Which exercise gives me joint trouble?", "What movement causes me pain in my leg?", "Which exercise makes my left knee hurt?"],
                Clarify: new("Please leave out the exercises that hurt.", "Which exercises do you mean? Is there one that causes pain?")),
            new("gym", ["FitHub", "Iron Works", "Pulse Studio", "CoreLab"],
                Tell: ["My gym is {v}, near work.", "My gym is {v}, just round the corner from work, so I go after the office."],
                Ask: ["Where do I work out?", "What's the name of the place where I exercise?", "What's my gym called?"],
                Clarify: new("Can you check the opening hours of my gym?", "Which gym do you mean: {options}?")),
            new("sleep", ["six hours", "seven hours", "five and a half hours", "eight hours"],
                Tell: ["I usually sleep about {v} a night.", "I usually sleep about {v} a night, which probably isn't enough."],
                Ask: ["How much rest do I typically get?", "How long is my usual shut-eye?", "How many hours do I usually sleep a night?"]),
        ],
        Preferences:
        [
            new("workout-time", ["early in the morning", "at lunchtime", "late in the evening"],
                Tell: ["I prefer to work out {v}.", "I prefer to work out {v}, that's when I have the most energy."],
                Ask: ["What time of day do I like to exercise?", "When do I enjoy training most?"]),
            new("diet", ["meat", "dairy", "fish", "eggs"],
                Tell: ["I don't eat {v}.", "I don't eat {v}, so please skip it in any meal plans."],
                Ask: ["Which food do I leave out of my meals?", "What's off the menu for me nutrition-wise?", "What don't I eat?"]),
            new("music", ["old-school hip hop", "techno", "podcasts", "eighties rock"],
                Tell: ["I love training to {v}.", "I love training to {v}, it keeps me going on long sessions."],
                Ask: ["What do I like listening to while I exercise?", "What's in my headphones during workouts?"]),
            new("dislike", ["swimming laps", "rowing machines", "spinning classes", "burpees"],
                Tell: ["I can't stand {v}.", "I really can't stand {v}, please don't put them in my plan."],
                Ask: ["Which activity do I hate?", "What kind of exercise do I find unbearable?"]),
        ],
        Updates:
        [
            new("weight", ["84 kg", "82 kg", "79 kg", "77 kg", "75 kg"],
                Tell: ["I'm at {v} right now.", "I'm at {v} right now, and I'd like to drop a few kilos."],
                Change: ["Quick update: the scale says {v} now.", "New weigh-in today: {v}."],
                Ask: ["How heavy am I these days?", "What's my current body weight?", "What does the scale say now?"]),
            new("training-days", ["Mondays and Thursdays", "Tuesdays and Fridays", "Wednesdays and Saturdays", "weekends only"],
                Tell: ["I can train on {v}.", "With my job I can train on {v}, nothing else works."],
                Change: ["My schedule changed: from now on I can only train on {v}.", "Work moved things around, so it's {v} for training now."],
                Ask: ["Which days are free for workouts at the moment?", "When can I fit in sessions now?", "Which days can I train now?"]),
        ],
        Events:
        [
            new("first-5k", "ran my first 5K without stopping", "manage the whole short run without a break", "my first non-stop run"),
            new("race-signup", "signed up for the race", "register for the competition", "entering the competition"),
            new("shoes", "bought new running shoes", "get fresh trainers", "the trainer purchase"),
            new("physio-visit", "had a session with the physio", "see the physiotherapist", "the physiotherapy appointment"),
            new("pull-up", "did my first pull-up", "manage a chin-up for the first time", "my first chin-up"),
        ],
        Chains:
        [
            new(new("running-buddy", ["Alex", "Bea", "Kofi", "Lotte"],
                    Tell: ["My training partner is {v}.", "My training partner is {v}, we've known each other since school."], Ask: []),
                new("long-run-day", ["Sunday", "Saturday", "Wednesday"],
                    Tell: ["I'm meeting {a} every {v} for long runs.", "I'm meeting {a} every {v} for long runs along the river."], Ask: []),
                Ask: ["On which day do I go running with my exercise companion?", "When do my buddy and I do our weekly distance session?"], Answer: "{b}"),
            new(new("physio-name", ["Ravi", "Hanna", "Marco", "Jess"],
                    Tell: ["My physio is called {v}.", "My physio is called {v}, very patient with me."], Ask: []),
                new("rehab-weeks", ["four", "six", "eight"],
                    Tell: ["{a} gave me a {v}-week rehab plan.", "{a} gave me a {v}-week rehab plan for the knee."], Ask: []),
                Ask: ["How long is the recovery programme my physiotherapist put together?", "How many weeks does my therapist's rehabilitation schedule last?"],
                Answer: "{b} weeks"),
        ],
        Unknowns: ["What's my resting heart rate?", "Which brand of protein powder do I use?", "How tall am I?", "What was my finishing time in last year's race?"],
        Chatter:
        [
            new("Saw someone at the gym deadlifting twice my weight today, wild.", "Impressive! Everyone starts somewhere though."),
            new("My smartwatch keeps telling me to stand up, it's getting annoying.", "Those reminders can be a bit much."),
            new("I watched a cycling race on TV last night, those climbs look brutal.", "The mountain stages really are something."),
        ]);
}
