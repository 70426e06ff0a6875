using System.ComponentModel.DataAnnotations;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace Dso.Api.Auth;

/// <summary>How many failed authentications a client address may make (configuration section <c>Dso:Auth</c>).</summary>
public sealed class FailedAuthenticationOptions
{
    public const string Section = "Dso:Auth";

    /// <summary>Failures an address may make in a row before it is throttled.</summary>
    [Range(1, 1_000_000, ErrorMessage = "Dso:Auth:FailureBurst must be between 1 and 1000000.")]
    public int FailureBurst { get; set; } = 10;

    /// <summary>Failures given back to each address per minute once it is throttled.</summary>
    [Range(0.01, 1_000_000, ErrorMessage = "Dso:Auth:FailuresPerMinute must be between 0.01 and 1000000.")]
    public double FailuresPerMinute { get; set; } = 10;
}

/// <summary>
/// A leaky bucket of failed authentications per client address (IPv6 by its /64, the block one subscriber holds),
/// in this process. An address whose bucket is full has its new credentials refused (429 with Retry-After) without
/// their being checked, so guessing keys costs the attacker time, not the server work; credentials that already
/// succeeded from that address are still checked, so the valid keys of the people behind it keep working.
/// </summary>
public sealed class FailedAuthentications(IOptions<FailedAuthenticationOptions> options, TimeProvider clock)
{
    private const int MaxAddresses = 100_000;
    private const int MaxKnownPerAddress = 32;

    private readonly Dictionary<string, Bucket> buckets = [];
    private readonly Lock gate = new();

    /// <summary>How long the address must wait before this credential is checked; null when it may be checked now.</summary>
    public TimeSpan? Refusal(IPAddress? address, string credential)
    {
        lock (gate)
        {
            if (!buckets.TryGetValue(Key(address), out var bucket) || Drain(bucket) <= options.Value.FailureBurst - 1 || bucket.Known.Contains(Hash(credential)))
            {
                return null;
            }

            var perSecond = options.Value.FailuresPerMinute / 60;
            return TimeSpan.FromSeconds(Math.Max(1, Math.Ceiling((bucket.Failures - options.Value.FailureBurst + 1) / perSecond)));
        }
    }

    public void Failed(IPAddress? address)
    {
        lock (gate)
        {
            var bucket = BucketOf(address);
            Drain(bucket);
            bucket.Failures++;
        }
    }

    public void Succeeded(IPAddress? address, string credential)
    {
        lock (gate)
        {
            var bucket = BucketOf(address);
            if (bucket.Known.Count < MaxKnownPerAddress)
            {
                bucket.Known.Add(Hash(credential));
            }
        }
    }

    private Bucket BucketOf(IPAddress? address)
    {
        var key = Key(address);
        if (!buckets.TryGetValue(key, out var bucket))
        {
            Prune();
            buckets[key] = bucket = new Bucket(clock.GetTimestamp());
        }

        return bucket;
    }

    private double Drain(Bucket bucket)
    {
        var now = clock.GetTimestamp();
        bucket.Failures = Math.Max(0, bucket.Failures - (clock.GetElapsedTime(bucket.At, now).TotalMinutes * options.Value.FailuresPerMinute));
        bucket.At = now;
        return bucket.Failures;
    }

    // Addresses whose failures have drained are forgotten first; past the bound, all are (failing open, never growing).
    private void Prune()
    {
        if (buckets.Count < MaxAddresses)
        {
            return;
        }

        foreach (var (key, _) in buckets.Where(b => Drain(b.Value) == 0).ToList())
        {
            buckets.Remove(key);
        }

        if (buckets.Count >= MaxAddresses)
        {
            buckets.Clear();
        }
    }

    private static string Key(IPAddress? address)
    {
        if (address is null)
        {
            return "";
        }

        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        return address.AddressFamily == AddressFamily.InterNetworkV6 ? Convert.ToHexString(address.GetAddressBytes(), 0, 8) + "/64" : address.ToString();
    }

    private static string Hash(string credential) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(credential)));

    private sealed class Bucket(long at)
    {
        public double Failures { get; set; }

        public long At { get; set; } = at;

        public HashSet<string> Known { get; } = [];
    }
}
