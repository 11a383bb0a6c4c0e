using System.Diagnostics;
using System.Net.Http.Headers;

namespace Silkgate.Cli.Bench;

/// <summary>How <c>bench ingest</c> drives the server.</summary>
/// <param name="Rate">Messages per second offered on a fixed schedule (open loop); null: closed loop at <paramref name="Concurrency"/>.</param>
/// <param name="Duration">Stop sending after this long (measured part); null: when the messages run out.</param>
/// <param name="Interval">Print a line (throughput, latency, server memory) this often; null: only the summary.</param>
internal sealed record IngestSettings(int Concurrency, double? Rate, TimeSpan? Duration, TimeSpan? Interval, int? ServerPid, int MaxInFlight = 4096);

/// <summary>
/// Sends the messages of a <see cref="MessageSource"/> to <c>POST /api/v1/ceb/messages</c> with each sender's API key and
/// records every answer. Closed loop: N senders, each sends its next message when the previous is answered; latency is
/// the request's own time. Open loop: message i is due at start + i / rate whatever happened before; latency is measured
/// from the due time, so a server that falls behind is charged for the queueing it causes (no coordinated omission).
/// </summary>
internal sealed class IngestRunner(HttpClient http, IReadOnlyDictionary<string, string> keys, IngestSettings settings, TextWriter log)
{
    private static readonly MediaTypeHeaderValue Xml = MediaTypeHeaderValue.Parse("application/xml; charset=utf-8");
    private static readonly Uri Endpoint = new("api/v1/ceb/messages", UriKind.Relative);

    public async Task WarmUpAsync(MessageSource source, int count, CancellationToken ct)
    {
        var left = count;
        var senders = Enumerable.Range(0, Math.Min(settings.Concurrency, 16)).Select(_ => Task.Run(async () =>
        {
            while (Interlocked.Decrement(ref left) >= 0 && await source.NextAsync(ct) is { } m)
            {
                await SendAsync(m, Stopwatch.GetTimestamp(), null, ct);
            }
        }, ct));
        await Task.WhenAll(senders);
    }

    /// <summary>
    /// Sends for a time and records nothing: the tiered JIT needs tens of seconds of load on two cores. An open-loop run
    /// warms up at its own rate: after a closed-loop flood the measured seconds began with the flood's backlog of log
    /// to copy back and rewind (p99 338 ms in the first 5 s at 1,420 messages/s, 27–34 ms in the last 10 s).
    /// </summary>
    public async Task WarmUpForAsync(MessageSource source, TimeSpan duration, CancellationToken ct)
    {
        var deadline = Stopwatch.GetTimestamp() + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        if (settings.Rate is { } rate)
        {
            await OpenLoopAsync(source, new LatencyRecorder(), rate, deadline, ct);
            return;
        }

        var senders = Enumerable.Range(0, settings.Concurrency).Select(_ => Task.Run(async () =>
        {
            while (Stopwatch.GetTimestamp() < deadline && await source.NextAsync(ct) is { } m)
            {
                await SendAsync(m, Stopwatch.GetTimestamp(), null, ct);
            }
        }, ct));
        await Task.WhenAll(senders);
    }

    public async Task<IngestReport> RunAsync(MessageSource source, CancellationToken ct)
    {
        var recorder = new LatencyRecorder();
        var intervals = new List<IntervalLine>();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var before = ServerMemory.Read(settings.ServerPid);
        var clock = Stopwatch.StartNew();
        var sampler = settings.Interval is { } every ? SampleAsync(recorder, intervals, clock, every, stop.Token) : Task.CompletedTask;
        var deadline = settings.Duration is { } d ? Stopwatch.GetTimestamp() + (long)(d.TotalSeconds * Stopwatch.Frequency) : long.MaxValue;
        if (settings.Rate is { } rate)
        {
            await OpenLoopAsync(source, recorder, rate, deadline, ct);
        }
        else
        {
            await ClosedLoopAsync(source, recorder, deadline, ct);
        }

        var seconds = clock.Elapsed.TotalSeconds;
        await stop.CancelAsync();
        await sampler;
        var (latency, documents) = recorder.Total();
        var after = ServerMemory.Read(settings.ServerPid);
        return new IngestReport(latency.Count, documents, seconds, latency, recorder.RefusedEntities, recorder.Refused900, recorder.Errors,
            recorder.ErrorKinds, settings.Rate, settings.Rate is null ? settings.Concurrency : null, after, intervals)
        {
            ServerCpuSeconds = before is not null && after is not null ? after.CpuSeconds - before.CpuSeconds : null,
            PeakIntervalRssMiB = intervals.Select(i => i.Memory?.RssMiB).Max(),
        };
    }

    private async Task ClosedLoopAsync(MessageSource source, LatencyRecorder recorder, long deadline, CancellationToken ct)
    {
        var senders = Enumerable.Range(0, settings.Concurrency).Select(_ => Task.Run(async () =>
        {
            while (Stopwatch.GetTimestamp() < deadline && await source.NextAsync(ct) is { } m)
            {
                await SendAsync(m, Stopwatch.GetTimestamp(), recorder, ct);
            }
        }, ct));
        await Task.WhenAll(senders);
    }

    private async Task OpenLoopAsync(MessageSource source, LatencyRecorder recorder, double rate, long deadline, CancellationToken ct)
    {
        var start = Stopwatch.GetTimestamp();
        var ticksPerMessage = Stopwatch.Frequency / rate;
        using var slots = new SemaphoreSlim(settings.MaxInFlight);
        var inFlight = 1;
        var allDone = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        for (long i = 0; ; i++)
        {
            var due = start + (long)(i * ticksPerMessage);
            if (due >= deadline)
            {
                break;
            }

            var wait = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), due);
            if (wait > TimeSpan.FromMilliseconds(1))
            {
                await Task.Delay(wait, ct);
            }

            if (await source.NextAsync(ct) is not { } m)
            {
                break;
            }

            // A full window delays the dispatch but not the due time: the wait counts in this message's latency.
            await slots.WaitAsync(ct);
            Interlocked.Increment(ref inFlight);
            _ = Task.Run(async () =>
            {
                try
                {
                    await SendAsync(m, due, recorder, ct);
                }
                finally
                {
                    slots.Release();
                    if (Interlocked.Decrement(ref inFlight) == 0)
                    {
                        allDone.TrySetResult();
                    }
                }
            }, CancellationToken.None);
        }

        if (Interlocked.Decrement(ref inFlight) == 0)
        {
            allDone.TrySetResult();
        }

        await allDone.Task;
    }

    private async Task SendAsync(BenchMessage m, long startedAt, LatencyRecorder? recorder, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, Endpoint) { Content = new ByteArrayContent(m.Bytes) };
        request.Content.Headers.ContentType = Xml;
        request.Headers.Add("X-Api-Key", keys.TryGetValue(m.SenderCode, out var key) ? key : "");
        try
        {
            using var response = await http.SendAsync(request, ct);
            var body = await response.Content.ReadAsByteArrayAsync(ct);
            var ms = Stopwatch.GetElapsedTime(startedAt).TotalMilliseconds;
            if (response.IsSuccessStatusCode)
            {
                recorder?.Answered(ms, m.Documents, ReceiptTally.Read(body));
            }
            else
            {
                recorder?.Failed(ms, $"HTTP {(int)response.StatusCode}");
            }
        }
        catch (HttpRequestException e)
        {
            recorder?.Failed(Stopwatch.GetElapsedTime(startedAt).TotalMilliseconds, e.HttpRequestError.ToString());
        }
        catch (TaskCanceledException) when (!ct.IsCancellationRequested)
        {
            recorder?.Failed(Stopwatch.GetElapsedTime(startedAt).TotalMilliseconds, "timeout");
        }
    }

    private async Task SampleAsync(LatencyRecorder recorder, List<IntervalLine> lines, Stopwatch clock, TimeSpan every, CancellationToken ct)
    {
        using var timer = new PeriodicTimer(every);
        var last = TimeSpan.Zero;
        try
        {
            while (await timer.WaitForNextTickAsync(ct))
            {
                var now = clock.Elapsed;
                var (latency, documents) = recorder.Cut();
                var line = new IntervalLine(now.TotalSeconds, latency, documents, (now - last).TotalSeconds, ServerMemory.Read(settings.ServerPid));
                last = now;
                lines.Add(line);
                await log.WriteLineAsync(line.ToString());
            }
        }
        catch (OperationCanceledException)
        {
        }
    }
}
