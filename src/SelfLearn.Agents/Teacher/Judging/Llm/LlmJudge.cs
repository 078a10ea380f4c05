using System.Diagnostics.Metrics;
using System.Globalization;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.SemanticKernel;
using Microsoft.SemanticKernel.ChatCompletion;

namespace SelfLearn.Agents.Teacher.Judging.Llm;

/// <summary>No valid judgement in every attempt allowed; the last rejection says why.</summary>
public sealed class JudgeFailedException(string judge, int attempts, JudgeReplyRejectedException last)
    : Exception($"judge '{judge}' gave no valid reply in {attempts} attempt(s); the last one was rejected: {last.Message}", last);

/// <summary>
/// The LLM judge: the versioned rubric (<see cref="JudgeRubric"/>) as a Semantic Kernel prompt function over the
/// configured <see cref="IChatClient"/>. Every reply is schema-checked (<see cref="JudgeReply"/>) before it is used;
/// a rejected reply is counted (<see cref="RejectedReplies"/> and the <c>selflearn.judge.rejected_replies</c> counter)
/// and the question is asked again, up to the attempts allowed; then <see cref="JudgeFailedException"/>.
/// </summary>
public sealed class LlmJudge : IAnswerJudge
{
    public const int DefaultAttempts = 3;

    /// <summary>The first attempt is as deterministic as the model allows; a retry may differ.</summary>
    public const double RetryTemperature = 0.5;

    private static readonly Meter Meter = new("SelfLearn.Teacher");
    private static readonly Counter<long> Rejections = Meter.CreateCounter<long>("selflearn.judge.rejected_replies");

    private readonly Kernel _kernel;
    private readonly KernelFunction _grade;
    private readonly string _model;
    private readonly int _attempts;
    private long _rejected;

    public LlmJudge(IChatClient chat, string model, int attempts = DefaultAttempts)
    {
        ArgumentNullException.ThrowIfNull(chat);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(attempts);
        _model = model;
        _attempts = attempts;
        var kernel = Kernel.CreateBuilder();
        kernel.Services.AddSingleton(chat.AsChatCompletionService());
        _kernel = kernel.Build();
        _grade = KernelFunctionFactory.CreateFromPrompt(new PromptTemplateConfig(JudgeRubric.Template) { Name = "grade_answer" });
    }

    public string Name => $"llm:{_model}";

    public string Version => JudgeRubric.Version;

    /// <summary>Replies rejected by the schema check since this judge was made.</summary>
    public long RejectedReplies => Interlocked.Read(ref _rejected);

    public async Task<JudgeScore> JudgeAsync(JudgeInput input, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(input);
        JudgeReplyRejectedException? last = null;
        for (var attempt = 0; attempt < _attempts; attempt++)
        {
            var result = await _grade.InvokeAsync(_kernel, Arguments(input, attempt == 0 ? 0 : RetryTemperature), ct).ConfigureAwait(false);
            try
            {
                return JudgeReply.Read(result.GetValue<string>(), input, Name, Version);
            }
            catch (JudgeReplyRejectedException rejected)
            {
                last = rejected;
                Interlocked.Increment(ref _rejected);
                Rejections.Add(1, new KeyValuePair<string, object?>("judge", Name));
            }
        }
        throw new JudgeFailedException(Name, _attempts, last!);
    }

    private KernelArguments Arguments(JudgeInput input, double temperature)
    {
        var settings = new PromptExecutionSettings
        {
            ModelId = _model,
            ExtensionData = new Dictionary<string, object> { ["temperature"] = temperature, ["response_format"] = "json_object" },
        };
        return new KernelArguments(settings)
        {
            ["question"] = input.Question,
            ["context"] = input.DeliveredContext.Count == 0
                ? "(none)"
                : string.Join('\n', input.DeliveredContext.Select((item, i) => string.Create(CultureInfo.InvariantCulture, $"[{i}] {item}"))),
            ["answer"] = input.Answer,
            ["golden"] = input.GoldenAnswer is not { } golden ? "(none)"
                : input.Answerable ? golden : $"{golden} (the question cannot be answered from the conversations)",
        };
    }
}
