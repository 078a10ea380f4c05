using SelfLearn.Agents.Emulator.Library.Templates;

namespace SelfLearn.Agents.Emulator.Library.Projects;

internal static class StudyBuddy
{
    public static ProjectContent Content { get; } = new(
        Name: "study-buddy",
        Intents: ["Get through the final term and the thesis without panic", "Plan revision for exams and keep the thesis on track"],
        Cast: [],
        Facts:
        [
            new("degree", ["mechanical engineering", "economics", "biology", "history"],
                Tell: ["I'm studying {v}.", "I'm studying {v} at university, final year now."],
                Ask: ["What is my degree subject?", "Which field is my university course in?", "What am I studying?"]),
            new("hard-module", ["statistics", "organic chemistry", "thermodynamics", "macroeconomics"],
                Tell: ["The hardest module this term is {v}.", "The hardest module this term is {v}, by a long way."],
                Ask: ["Which class am I struggling with most?", "What course is giving me the most trouble?", "What is the hardest module this term?"],
                Clarify: new("Help me plan revision for the tough module.", "Which module do you mean, {options}?")),
            new("study-spot", ["the campus library", "a café near my flat", "my desk at home"],
                Tell: ["I do most of my studying at {v}.", "I do most of my studying at {v}, it's the only place I can focus."],
                Ask: ["Where do I usually revise?", "What's my regular place for cramming?", "Where do I do most of my studying?"]),
            new("supervisor", ["Dr. Ahmed", "Professor Lindqvist", "Dr. Okafor"],
                Tell: ["My thesis supervisor is {v}.", "My thesis supervisor is {v}, strict but fair."],
                Ask: ["Who is guiding my final paper?", "Which academic oversees my dissertation?"],
                Clarify: new("I need to email my supervisor about the deadline.", "Which supervisor do you mean, {options}?")),
        ],
        Preferences:
        [
            new("method", ["flashcards", "practice exams", "mind maps", "explaining things out loud"],
                Tell: ["I learn best with {v}.", "I learn best with {v}, reading notes alone never works for me."],
                Ask: ["What revision technique works for me?", "How do I memorise material most effectively?", "How do I learn best?"]),
            new("focus-block", ["25 minutes", "45 minutes", "an hour"],
                Tell: ["I focus best in blocks of {v}.", "I focus best in blocks of {v}, then I need a break."],
                Ask: ["How long should my concentration stretches be?", "What length of work session suits me?"]),
            new("productive-time", ["late at night", "first thing in the morning", "in the afternoon"],
                Tell: ["I'm most productive {v}.", "I'm most productive {v}, don't ask me why."],
                Ask: ["When during the day do I get the most done?", "At what hour am I sharpest?"]),
        ],
        Updates:
        [
            new("final-exam", Upcoming.Dates,
                Tell: ["My final exam is on {v}.", "My final exam is on {v}, the last one before I graduate."],
                Change: ["They rescheduled the final: it's on {v} now.", "The final got moved to {v}."],
                Ask: ["When is my last test of the term taking place now?", "What's the current date of the big assessment?", "When is my final exam now?"]),
            new("thesis-topic", ["urban heat islands", "microplastics in rivers", "remote work and productivity", "medieval trade routes"],
                Tell: ["My thesis is about {v}.", "My thesis is about {v}, I picked it in the first week."],
                Change: ["I changed my thesis topic, it's now {v}.", "New plan: the thesis will be on {v}."],
                Ask: ["What is my dissertation on at the moment?", "Which subject is my research project covering now?", "What is my thesis about now?"]),
        ],
        Events:
        [
            new("first-essay", "handed in my first essay", "submit the first written assignment", "the first assignment submission"),
            new("mock-quiz", "failed a practice quiz", "not pass a mock test", "the mock test flop"),
            new("study-group", "joined a study group", "become part of a revision circle", "joining the revision circle"),
            new("first-supervision", "met my supervisor for the first time", "have an initial sit-down with the person guiding my dissertation", "the initial supervision sit-down"),
            new("laptop", "bought a second-hand laptop", "get a used computer", "the computer purchase"),
        ],
        Chains:
        [
            new(new("lab-partner", ["Jonah", "Priti", "Kasia", "Tariq"],
                    Tell: ["My lab partner is {v}.", "My lab partner is {v}, we get along well."], Ask: []),
                new("partner-task", ["data analysis", "literature review", "presentation slides"],
                    Tell: ["{a} is handling the {v} for our project.", "{a} is handling the {v} for our project, which is a relief."], Ask: []),
                Ask: ["Which part of our joint assignment does my experiment buddy cover?", "What is the person I work with in practicals responsible for?"], Answer: "{b}"),
            new(new("flatmate", ["Ellie", "Marcus", "Hugo"],
                    Tell: ["My flatmate {v} took the same course last year.", "My flatmate {v} took the same course last year and passed easily."], Ask: []),
                new("borrowed-notes", ["linear algebra", "microbiology", "research methods"],
                    Tell: ["{a} lent me notes for {v}.", "{a} lent me old notes for {v}, super helpful."], Ask: []),
                Ask: ["Which subject's notes did I borrow from the person I live with?", "For which topic did my roommate give me material?"], Answer: "{b}"),
        ],
        Unknowns: ["What was my grade in the first-year exams?", "What's my student ID number?", "How much is my tuition fee?", "Which scholarship did I apply for?"],
        Chatter:
        [
            new("The library was packed today, couldn't find a seat anywhere.", "Exam season does that to libraries."),
            new("I've been living on instant noodles all week.", "Maybe time for a proper meal soon!"),
            new("My flat's heating is broken again.", "That's miserable, hope it gets fixed quickly."),
        ]);
}
