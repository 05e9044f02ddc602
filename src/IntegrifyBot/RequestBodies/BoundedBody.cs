namespace IntegrifyBot.RequestBodies;

/// <summary>Reads a request body into memory, giving up as soon as it passes the limit.</summary>
internal static class BoundedBody
{
    /// <returns>The body, positioned at its start, or null when it is larger than <paramref name="limit"/> bytes.</returns>
    public static async Task<MemoryStream?> ReadAsync(Stream body, int limit, CancellationToken cancellationToken)
    {
        var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > limit)
            {
                await buffer.DisposeAsync();
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        buffer.Position = 0;
        return buffer;
    }
}
