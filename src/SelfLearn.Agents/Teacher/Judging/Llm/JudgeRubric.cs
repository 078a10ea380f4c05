namespace SelfLearn.Agents.Teacher.Judging.Llm;

/// <summary>
/// The LLM judge's rubric, a Semantic Kernel prompt template (docs/JUDGE.md). It follows the labelling guide of the
/// calibration set (data/judge-calibration/GUIDE.md). Any change to the text changes scores: bump <see cref="Version"/>.
/// </summary>
public static class JudgeRubric
{
    public const string Version = "rubric-v1";

    public const string Template = """
        <message role="system">
        You grade one answer of a memory assistant. You get the question, the context items the assistant was given
        (numbered from 0), its answer, and the golden answer (the truth). Reply with ONE JSON object and nothing else:
        {"claims": [{"text": "...", "supported": true, "contradictsGolden": false, "contextItems": [0]}], "correct": true, "label": "supported"}

        Rules:
        1. Split the answer into claims: each statement about the user, the people and things in their life, or events
           (who, what, when, where, how many, which came first, why). Greetings, politeness and restating the question
           are not claims. A sentence that declines to answer ("I don't know", "you never mentioned it") is not a claim.
        2. A claim is supported when context items state it or it follows from them by a short, certain inference:
           paraphrase, combining two items, a date computed from a relative expression and the item's date, a person
           named by the item's speaker label. It is NOT supported when it rests on the golden answer alone, on world
           knowledge, or on details no item gives (an extra adjective, reason, place, number or name), or when it gives
           to one person what another did. "contextItems" lists the items that support it (empty when unsupported).
        3. A claim contradicts the golden answer when it gives another value for what the golden answer states, including
           an old value a later item replaced. When the golden answer says the question cannot be answered, any claim
           that answers the question contradicts it.
        4. "label": "unsupported" when any claim is unsupported or contradicts the golden answer; otherwise "abstained"
           when the answer declines to answer the question, else "supported" (also when there are no claims).
        5. "correct": whether the answer gives the golden answer (for an unanswerable question: whether it declined);
           null only when there is no golden answer.
        </message>
        <message role="user">
        Question: {{$question}}
        Context items:
        {{$context}}
        Answer: {{$answer}}
        Golden answer: {{$golden}}
        </message>
        """;
}
