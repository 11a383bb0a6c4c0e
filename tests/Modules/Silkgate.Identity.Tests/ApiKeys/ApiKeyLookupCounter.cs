using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Silkgate.Identity.ApiKeys;

namespace Silkgate.Identity.Tests.ApiKeys;

/// <summary>Counts the database reads of one host's API-key cache through its metric (other hosts' meters are ignored).</summary>
internal sealed class ApiKeyLookupCounter : IDisposable
{
    private readonly MeterListener _listener = new();
    private long _keys;
    private long _enterprises;

    public ApiKeyLookupCounter(IServiceProvider services)
    {
        var factory = services.GetRequiredService<IMeterFactory>();
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Scope == factory && instrument.Meter.Name == ApiKeyCache.MeterName)
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((_, value, tags, _) =>
        {
            foreach (var tag in tags)
            {
                if (tag is { Key: "kind", Value: "key" })
                {
                    Interlocked.Add(ref _keys, value);
                }
                else if (tag is { Key: "kind", Value: "enterprise" })
                {
                    Interlocked.Add(ref _enterprises, value);
                }
            }
        });
        _listener.Start();
    }

    public long KeyLookups => Interlocked.Read(ref _keys);

    public long EnterpriseLookups => Interlocked.Read(ref _enterprises);

    public void Dispose() => _listener.Dispose();
}
