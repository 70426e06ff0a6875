namespace Dso.Domain.Imports;

/// <summary>Where uploaded files wait for their job (configuration <c>Dso:Imports:Folder</c>, default data/imports).</summary>
public sealed class ImportStorage(string folder, long maxFileBytes)
{
    public long MaxFileBytes { get; } = maxFileBytes;

    /// <summary>Copies an upload to the folder; null when it is larger than the limit.</summary>
    public async Task<string?> SaveAsync(Stream content, string extension, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, $"{Guid.NewGuid():N}{extension}");
        await using (var file = File.Create(path))
        {
            var buffer = new byte[81920];
            long total = 0;
            int read;
            while ((read = await content.ReadAsync(buffer, cancellationToken)) > 0)
            {
                total += read;
                if (total > MaxFileBytes)
                {
                    break;
                }

                await file.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
            }

            if (total <= MaxFileBytes)
            {
                return path;
            }
        }

        File.Delete(path);
        return null;
    }

    public static void Delete(string path)
    {
        if (File.Exists(path))
        {
            File.Delete(path);
        }
    }
}
