using System.Globalization;

namespace Silkgate.Simulation.Randomness;

/// <summary>xoshiro256** seeded through SplitMix64: fast, small, and the same sequence on every platform and runtime
/// (System.Random's algorithm is an implementation detail, so it is not used).</summary>
internal sealed class Prng
{
    private ulong _s0, _s1, _s2, _s3;

    public Prng(ulong seed)
    {
        var x = seed;
        _s0 = SplitMix(ref x);
        _s1 = SplitMix(ref x);
        _s2 = SplitMix(ref x);
        _s3 = SplitMix(ref x);
    }

    /// <summary>A generator for a named sub-stream of a seed, so that independent parts draw independent sequences.</summary>
    public static Prng For(long seed, ulong stream, ulong index = 0) =>
        new(Mix((ulong)seed ^ Mix(stream * 0x9E3779B97F4A7C15UL + index)));

    public static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    private static ulong SplitMix(ref ulong x)
    {
        x += 0x9E3779B97F4A7C15UL;
        return Mix(x);
    }

    public ulong NextUInt64()
    {
        var result = RotateLeft(_s1 * 5, 7) * 9;
        var t = _s1 << 17;
        _s2 ^= _s0;
        _s3 ^= _s1;
        _s1 ^= _s2;
        _s0 ^= _s3;
        _s2 ^= t;
        _s3 = RotateLeft(_s3, 45);
        return result;
    }

    private static ulong RotateLeft(ulong x, int k) => (x << k) | (x >> (64 - k));

    /// <summary>Uniform in [0, 1).</summary>
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    /// <summary>Uniform integer in [0, max).</summary>
    public int Next(int max) => max <= 1 ? 0 : (int)((NextUInt64() >> 33) % (ulong)max);

    /// <summary>Uniform integer in [min, max] (both inclusive).</summary>
    public int Between(int min, int max) => min + Next(max - min + 1);

    public double Between(double min, double max) => min + (NextDouble() * (max - min));

    public bool Chance(double p) => p > 0 && NextDouble() < p;

    public T Pick<T>(IReadOnlyList<T> items) => items[Next(items.Count)];

    /// <summary>Exponential with the given mean.</summary>
    public double Exponential(double mean) => -mean * Math.Log(1 - NextDouble());

    /// <summary>Log-normal with the given median and spread (sigma of the underlying normal).</summary>
    public double LogNormal(double median, double sigma) => median * Math.Exp(sigma * Normal());

    /// <summary>Standard normal (Box-Muller).</summary>
    public double Normal()
    {
        var u1 = 1 - NextDouble();
        var u2 = NextDouble();
        return Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
    }

    /// <summary>A count with the given mean: Poisson for small means, normal approximation for large ones.</summary>
    public int Count(double mean)
    {
        if (mean <= 0)
        {
            return 0;
        }
        if (mean > 40)
        {
            return Math.Max(0, (int)Math.Round(mean + (Math.Sqrt(mean) * Normal())));
        }
        var l = Math.Exp(-mean);
        var k = 0;
        var p = 1.0;
        do
        {
            k++;
            p *= NextDouble();
        }
        while (p > l);
        return k - 1;
    }

    /// <summary>A 36-character upper-case identifier (RFC 4122 version 4 layout) drawn from this generator.</summary>
    public string Guid()
    {
        var hi = NextUInt64();
        var lo = NextUInt64();
        hi = (hi & 0xFFFFFFFFFFFF0FFFUL) | 0x0000000000004000UL;
        lo = (lo & 0x3FFFFFFFFFFFFFFFUL) | 0x8000000000000000UL;
        return string.Create(36, (hi, lo), static (span, v) =>
        {
            const string hex = "0123456789ABCDEF";
            var pos = 0;
            for (var i = 0; i < 32; i++)
            {
                if (i is 8 or 12 or 16 or 20)
                {
                    span[pos++] = '-';
                }
                var word = i < 16 ? v.hi : v.lo;
                var shift = (15 - (i % 16)) * 4;
                span[pos++] = hex[(int)((word >> shift) & 0xF)];
            }
        });
    }

    /// <summary>A string of random decimal digits.</summary>
    public string Digits(int length)
    {
        return string.Create(length, this, static (span, rng) =>
        {
            for (var i = 0; i < span.Length; i++)
            {
                span[i] = (char)('0' + rng.Next(10));
            }
        });
    }

    public override string ToString() => _s0.ToString("X16", CultureInfo.InvariantCulture);
}

/// <summary>Cumulative weights for fast weighted choice.</summary>
internal sealed class WeightedChoice<T>
{
    private readonly T[] _items;
    private readonly double[] _cumulative;

    public WeightedChoice(IEnumerable<(T Item, double Weight)> entries)
    {
        var list = entries.Where(e => e.Weight > 0).ToList();
        if (list.Count == 0)
        {
            throw new ArgumentException("At least one positive weight is needed.", nameof(entries));
        }
        _items = [.. list.Select(e => e.Item)];
        _cumulative = new double[list.Count];
        var sum = 0.0;
        for (var i = 0; i < list.Count; i++)
        {
            sum += list[i].Weight;
            _cumulative[i] = sum;
        }
    }

    public IReadOnlyList<T> Items => _items;

    public T Pick(Prng rng)
    {
        var x = rng.NextDouble() * _cumulative[^1];
        var i = Array.BinarySearch(_cumulative, x);
        i = i < 0 ? ~i : i + 1;
        return _items[Math.Min(i, _items.Length - 1)];
    }
}
