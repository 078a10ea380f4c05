using SelfLearn.Agents.Experiments.Retrieval;
using SelfLearn.Agents.Locomo;

namespace SelfLearn.Api.Commands;

/// <summary>The flags both LoCoMo commands share: --dataset FILE, --conversations id,id, --deployment ID.</summary>
public static class LocomoArguments
{
    public static (IReadOnlyList<LocomoConversation> Conversations, string DeploymentId) Read(
        CommandArguments args, string defaultDeployment, params string[] otherFlags)
    {
        if (args.Unknown(["dataset", "conversations", "deployment", .. otherFlags]).FirstOrDefault() is { } unknown)
            throw new ArgumentException($"unknown flag --{unknown}.");
        var path = UserPaths.ExistingFile(args.Value("dataset") ?? throw new ArgumentException("--dataset FILE is required (LoCoMo JSON format)."));
        return (LocomoIngestion.Select(LocomoDataset.Load(path), args.List("conversations")), args.Value("deployment") ?? defaultDeployment);
    }
}
