using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using Dso.Connectors.Abstractions;

namespace Dso.Connectors.File;

/// <summary>
/// The <c>file</c> connector: CSV or XLSX files in a folder, or fetched over SFTP, each read in name order through a
/// saved import mapping (by the host, as the file import reads an upload). A file is checked whole first: one that
/// fails goes to <c>failed/</c> with its problems reported as rejected records, and nothing of it is written. A file
/// imported is moved into <c>processed/</c> (or deleted, or kept: <c>afterImport</c>) once the host says its batches
/// are committed.
/// The cursor is the name of the last file done: a resumed or incremental read goes on after it.
/// </summary>
public sealed partial class FileConnector : IConnector
{
    public ConnectorManifest Manifest { get; } = new("file", "Files (folder or SFTP)", "Dso", "1.0.0", ConnectorCapabilities.Full | ConnectorCapabilities.Incremental | ConnectorCapabilities.Clients,
        [
            new SettingDefinition("location", SettingType.Text, Default: "\"folder\"", Description: "folder or sftp", Choices: ["folder", "sftp"]),
            new SettingDefinition("path", SettingType.Text, Required: true, Description: "The folder, or the remote directory"),
            new SettingDefinition("pattern", SettingType.Text, Default: "\"*.csv;*.xlsx\"", Description: "File names to read, separated by semicolons (* and ? as wildcards)"),
            new SettingDefinition("mappingName", SettingType.Text, Required: true, Description: "A saved import mapping"),
            new SettingDefinition("host", SettingType.Text, Description: "The SFTP server"),
            new SettingDefinition("port", SettingType.WholeNumber, Default: "22"),
            new SettingDefinition("username", SettingType.Text),
            new SettingDefinition("password", SettingType.Text, Secret: true),
            new SettingDefinition("privateKey", SettingType.Text, Secret: true, Description: "An OpenSSH or PEM private key"),
            new SettingDefinition("hostKeyFingerprint", SettingType.Text, Description: "SHA256:... of the SFTP server's host key (required for sftp: an unknown host key is refused)"),
            new SettingDefinition("afterImport", SettingType.Text, Default: "\"move\"", Description: "move (into processed/), delete or keep", Choices: ["move", "delete", "keep"]),
        ]);

    public async Task<CheckResult> CheckAsync(ConnectorContext context, CancellationToken cancellationToken)
    {
        await using var store = await OpenAsync(context.Settings, cancellationToken);
        var files = Matching(await store.ListAsync(cancellationToken), context.Settings);
        return new CheckResult(true, $"{store.Where} is readable: {files.Count} file(s) to import.");
    }

    public async IAsyncEnumerable<ConnectorBatch> ReadAsync(ConnectorContext context, string? cursor, SyncMode mode, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var settings = context.Settings;
        var (mapping, after) = (settings.Require("mappingName"), settings.GetString("afterImport") ?? "move");
        await using var store = await OpenAsync(settings, cancellationToken);
        foreach (var name in Matching(await store.ListAsync(cancellationToken), settings))
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (cursor is not null && string.CompareOrdinal(name, cursor) <= 0)
            {
                // Done by the read this one resumes (its cursor is committed), but left where it was.
                await FinishAsync(store, name, after, cancellationToken);
                continue;
            }

            var local = await store.FetchAsync(name, cancellationToken);
            var problems = await context.CheckTableFileAsync(local, mapping, cancellationToken);
            if (problems.Count > 0)
            {
                context.Logger.LogFileRefused(name, problems.Count);
                await store.MoveAsync(name, "failed", cancellationToken);
                yield return new ConnectorBatch([], [], name) { Rejected = [.. problems.Select(p => p with { Reference = $"{name} {p.Reference}" })] };
                continue;
            }

            await foreach (var batch in context.ReadTableFileAsync(local, mapping, cancellationToken))
            {
                yield return batch with { Cursor = cursor };
            }

            // Once this batch is committed, the file is done: moved or deleted then, over a connection of its own (the
            // host reads ahead, so this read may be over by then).
            cursor = name;
            yield return new ConnectorBatch([], [], name) { Committed = ct => FinishAsync(settings, name, after, ct) };
        }
    }

    private static async Task FinishAsync(ConnectorSettings settings, string name, string after, CancellationToken cancellationToken)
    {
        if (after != "keep")
        {
            await using var store = await OpenAsync(settings, cancellationToken);
            await FinishAsync(store, name, after, cancellationToken);
        }
    }

    private static Task FinishAsync(IFileStore store, string name, string after, CancellationToken cancellationToken) => after switch
    {
        "delete" => store.DeleteAsync(name, cancellationToken),
        "keep" => Task.CompletedTask,
        _ => store.MoveAsync(name, "processed", cancellationToken),
    };

    private static async Task<IFileStore> OpenAsync(ConnectorSettings settings, CancellationToken cancellationToken) =>
        (settings.GetString("location") ?? "folder") == "sftp" ? await SftpStore.ConnectAsync(settings, cancellationToken) : new FolderStore(settings.Require("path"));

    private static List<string> Matching(IReadOnlyList<string> names, ConnectorSettings settings)
    {
        var patterns = (settings.GetString("pattern") ?? "*.csv;*.xlsx").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(p => new Regex("^" + Regex.Escape(p).Replace("\\*", ".*", StringComparison.Ordinal).Replace("\\?", ".", StringComparison.Ordinal) + "$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant))
            .ToList();
        return [.. names.Where(n => patterns.Any(p => p.IsMatch(n))).Order(StringComparer.Ordinal)];
    }
}
