using SelfLearn.Agents.Locomo;

namespace SelfLearn.Agents.Teacher.Search.Recording;

/// <summary>The dataset a search reads: its file's name and SHA-256 (recorded with the search) and the conversations taken from it.</summary>
public sealed record SearchSource(string Name, string Sha256, IReadOnlyList<LocomoConversation> Conversations)
{
    public static SearchSource FromFile(string path, IReadOnlyList<LocomoConversation> conversations)
    {
        using var file = File.OpenRead(path);
        return new SearchSource(Path.GetFileName(path), Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(file)), conversations);
    }
}
