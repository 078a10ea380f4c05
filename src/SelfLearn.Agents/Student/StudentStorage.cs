using Marten;
using SelfLearn.Agents.Student.Memories;

namespace SelfLearn.Agents.Student;

public static class StudentStorage
{
    public static StoreOptions AddStudentStorage(this StoreOptions options)
    {
        options.Schema.For<MemoryDocument>()
            .Duplicate(m => m.DeploymentId)
            .Duplicate(m => m.UserId)
            .Index(m => new { m.DeploymentId, m.UserId, m.SessionKey });
        return options.AddMemoryVersions();
    }
}
