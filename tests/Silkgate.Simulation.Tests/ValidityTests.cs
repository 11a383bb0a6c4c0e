using Silkgate.Ceb.Validation;

namespace Silkgate.Simulation.Tests;

public sealed class ValidityTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(25)]
    public void Every_message_passes_the_schema_and_business_checks(int entitiesPerMessage)
    {
        var messages = new TradeGenerator(Runs.Small(entities: entitiesPerMessage, defects: DefectRates.All(0.05))).Messages().ToList();
        Assert.NotEmpty(messages);
        var problems = messages
            .Select(m => (m, r: CebValidator.Validate(m.Bytes)))
            .Where(x => !x.r.IsValid)
            .Select(x => $"{x.m.MessageType.Code} {x.m.MessageGuid}: {x.r.Read.Failure} {string.Join("; ", x.r.Problems.Take(3))}")
            .Take(10)
            .ToList();
        Assert.Empty(problems);
    }

    [Fact]
    public void Messages_come_in_send_time_order_from_the_sender_named_in_BaseTransfer()
    {
        var messages = Runs.Clean.Value.Messages;
        for (var i = 1; i < messages.Count; i++)
        {
            Assert.True(messages[i - 1].SendAt <= messages[i].SendAt, $"message {i} is earlier than message {i - 1}");
        }
        foreach (var m in messages.Take(500))
        {
            var read = Silkgate.Ceb.Reading.CebReader.Read(m.Bytes);
            var transfer = read.Message!.GetType().GetProperty("BaseTransfer")!.GetValue(read.Message) as Silkgate.Ceb.CebEntity;
            Assert.Equal(m.SenderCode, transfer!.GetFieldText("copCode"));
            Assert.Equal(m.MessageGuid, read.Message.Guid);
            Assert.Equal(m.MessageType, read.Message.MessageType);
        }
    }
}
