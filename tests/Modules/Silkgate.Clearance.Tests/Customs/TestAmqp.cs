using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;

namespace Silkgate.Clearance.Tests.Customs;

/// <summary>
/// The RabbitMQ broker of the tests; <c>build/test.sh</c> installs, starts and exports it. As with PostgreSQL, an
/// unreachable broker fails the test loudly, never skips it.
/// </summary>
internal static class TestAmqp
{
    public const string Variable = "SILKGATE_TEST_AMQP";

    public const string LocalDefault = "amqp://guest:guest@127.0.0.1:5672/";

    public static string Uri => Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } s ? s : LocalDefault;

    public static async Task<IConnection> ConnectAsync()
    {
        try
        {
            return await new ConnectionFactory { Uri = new Uri(Uri) }.CreateConnectionAsync();
        }
        catch (BrokerUnreachableException e)
        {
            throw new InvalidOperationException($"RabbitMQ for tests is not reachable at {Uri}; run `bash build/test.sh` (it starts it) or set {Variable}.", e);
        }
    }

    /// <summary>Queue names of one test, so that tests never see each other's messages.</summary>
    public static (string To, string From, string Rejected) Queues()
    {
        var prefix = $"silkgate.test.{Guid.NewGuid():N}";
        return ($"{prefix}.to-customs", $"{prefix}.from-customs", $"{prefix}.rejected");
    }

    public static void Configure(IDictionary<string, string?> settings, (string To, string From, string Rejected) queues, string? uri = null)
    {
        settings["Clearance:Customs:Transport"] = "Amqp";
        settings["Clearance:Customs:Amqp:Uri"] = uri ?? Uri;
        settings["Clearance:Customs:Amqp:ToCustomsQueue"] = queues.To;
        settings["Clearance:Customs:Amqp:FromCustomsQueue"] = queues.From;
        settings["Clearance:Customs:Amqp:RejectedQueue"] = queues.Rejected;
    }
}
