using Wolverine;

namespace SelfLearn.Agents.Manager.Cycles;

public static class CycleQueue
{
    public const string Name = "manager-cycles";

    /// <summary>
    /// Every cycle step travels on one durable local queue: a message is stored in PostgreSQL with the events of the
    /// step that sent it and survives a crash. One at a time, so a step and its redelivered copy never run together.
    /// </summary>
    public static WolverineOptions AddManagerCycles(this WolverineOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Publish(rule =>
        {
            rule.MessagesImplementing<ICycleStepMessage>();
            rule.Message<ContinueGoalCycle>();
            rule.ToLocalQueue(Name);
        });
        options.LocalQueue(Name).UseDurableInbox().Sequential();
        options.Policies.ForMessagesOfType<ICycleStepMessage>().AddMiddleware<CycleStepSpan>();
        return options;
    }
}
