using Dso.Api.Tests.Processes;

namespace Dso.Api.Tests.Imports;

/// <summary>Every hostile workbook uploaded to a real server process: each job fails with its bound, and the process stays small.</summary>
public class HostileUploadProcessTests
{
    private const long MaxPeakBytes = 400L * 1024 * 1024;

    [Fact]
    public async Task HostileWorkbooks_FailTheirJobs_AndTheServerStaysUnder400MB()
    {
        using var database = new TemporaryDatabase();
        using var api = await ApiProcess.StartAsync(database.Path);

        foreach (var (name, reason) in HostileWorkbooks.Names.Select(row => ((string)row[0], (string)row[1])))
        {
            var id = (await ImportUploads.UploadAsync(api, HostileWorkbooks.Build(name), "export.xlsx"))["startImport"]!["job"]!["id"]!.GetValue<string>();
            var job = await ImportUploads.WaitForJobAsync(api, id);

            Assert.True(job["state"]!.GetValue<string>() == "FAILED", $"{name}: {job.ToJsonString()}");
            Assert.Contains(reason, job["message"]!.GetValue<string>(), StringComparison.Ordinal);
        }

        Assert.True(api.Process.PeakMemoryBytes < MaxPeakBytes, $"The server peaked at {api.Process.PeakMemoryBytes / (1024 * 1024)} MiB.");
        Assert.Equal(0, (await api.DataAsync("{ pieces(first: 1) { totalCount } }"))["pieces"]!["totalCount"]!.GetValue<int>());
    }
}
