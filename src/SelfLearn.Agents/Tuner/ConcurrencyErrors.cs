namespace SelfLearn.Agents.Tuner;

public static class ConcurrencyErrors
{
    public static bool IsConflict(Exception e) => e is JasperFx.ConcurrencyException
        or JasperFx.Events.EventStreamUnexpectedMaxEventIdException
        or JasperFx.Events.ExistingStreamIdCollisionException
        or Marten.Exceptions.ExistingStreamIdCollisionException
        || (e.InnerException is { } inner && IsConflict(inner));

    public static string Describe(string streamId, long? expectedVersion) => expectedVersion is { } v
        ? $"'{streamId}' is no longer at version {v}: someone else changed it first. Read it again and retry."
        : $"'{streamId}' was changed concurrently. Read it again and retry.";
}
