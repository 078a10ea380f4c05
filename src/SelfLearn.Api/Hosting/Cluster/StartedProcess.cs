using System.Diagnostics;
using System.Globalization;

namespace SelfLearn.Api.Hosting.Cluster;

/// <summary>Waiting for a child app process to serve: its URL polled until it answers, unless the process ends first.</summary>
public static class StartedProcess
{
    /// <summary>
    /// Polls <paramref name="url"/> every 250 ms until it answers with a success code; throws when <paramref name="process"/>
    /// ends first or <paramref name="patience"/> runs out, with <paramref name="context"/> (e.g. the process's last output) appended.
    /// </summary>
    public static async Task WaitUntilAnswersAsync(
        this Process process, string who, Uri url, TimeSpan patience, Func<string> context, CancellationToken ct)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var waited = Stopwatch.StartNew();
        while (true)
        {
            if (process.HasExited)
                throw new InvalidOperationException($"{who} ended with code {process.ExitCode} before {url} answered.{context()}");
            try
            {
                using var response = await http.GetAsync(url, ct);
                if (response.IsSuccessStatusCode)
                    return;
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException) when (!ct.IsCancellationRequested)
            {
            }

            if (waited.Elapsed > patience)
                throw new TimeoutException(string.Create(CultureInfo.InvariantCulture,
                    $"{who} did not answer at {url} within {patience.TotalSeconds:0} s.{context()}"));
            await Task.Delay(TimeSpan.FromMilliseconds(250), ct);
        }
    }
}
