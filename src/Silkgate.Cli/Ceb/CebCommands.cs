using System.CommandLine;
using Silkgate.Ceb;
using Silkgate.Ceb.Samples;
using Silkgate.Ceb.Validation;
using Silkgate.Ceb.Writing;

namespace Silkgate.Cli.Ceb;

/// <summary><c>silkgate ceb …</c>: validate, sample, sign and verify CEB messages.</summary>
internal static class CebCommands
{
    internal static Command Build()
    {
        var ceb = new Command("ceb", "China Customs CEB 202205 messages");
        ceb.Subcommands.Add(BuildValidate());
        ceb.Subcommands.Add(BuildSample());
        ceb.Subcommands.Add(CebSignCommands.BuildSign());
        ceb.Subcommands.Add(CebSignCommands.BuildVerify());
        return ceb;
    }

    private static Command BuildValidate()
    {
        var files = new Argument<FileInfo[]>("FILE") { Description = "CEB messages or DXP envelopes to validate", Arity = ArgumentArity.OneOrMore };
        var command = new Command("validate", "Check files against the official XSD rules and the business rules") { files };
        command.SetAction(parseResult =>
        {
            var output = parseResult.InvocationConfiguration.Output;
            bool anyInvalid = false;
            foreach (var file in parseResult.GetValue(files) ?? [])
            {
                var problems = Validate(file);
                anyInvalid |= problems.Count > 0;
                output.WriteLine($"{(problems.Count == 0 ? "OK" : "INVALID")} {file.FullName}");
                foreach (var p in problems)
                {
                    output.WriteLine($"  {p}");
                }
            }
            return anyInvalid ? 1 : 0;
        });
        return command;
    }

    private static List<string> Validate(FileInfo file)
    {
        if (!file.Exists)
        {
            return ["file: not found"];
        }
        var bytes = File.ReadAllBytes(file.FullName);
        var result = CebValidator.Validate(bytes);
        if (result.Read.Failure is { } failure)
        {
            return [$"document: refused, {result.Read.FailureDetail} [{failure}]"];
        }
        var lines = result.Problems.Select(Line).ToList();
        if (result.Read.Envelope is { } envelope)
        {
            var inner = CebValidator.Validate(envelope.Message.Data);
            lines.AddRange(inner.Read.Failure is { } f
                ? [$"Data: refused, {inner.Read.FailureDetail} [{f}]"]
                : inner.Problems.Select(p => "Data/" + Line(p)));
        }
        return lines;
    }

    private static string Line(CebProblem p) => $"{p.Path}: {p.Message} [{p.Code} {p.CustomsCode}]";

    private static Command BuildSample()
    {
        var type = new Argument<string>("TYPE") { Description = "message type, e.g. 311 or CEB311Message" };
        var command = new Command("sample", "Write a valid example message of a type to stdout") { type };
        command.SetAction(parseResult =>
        {
            var text = parseResult.GetValue(type);
            if (!CebMessageType.TryParse(text, out var t))
            {
                parseResult.InvocationConfiguration.Error.WriteLine($"unknown message type '{text}'; known: {string.Join(", ", CebMessageType.All.Select(x => x.Code))}");
                return 2;
            }
            parseResult.InvocationConfiguration.Output.WriteLine(CebWriter.ToXml(CebSamples.Create(t!)));
            return 0;
        });
        return command;
    }
}
