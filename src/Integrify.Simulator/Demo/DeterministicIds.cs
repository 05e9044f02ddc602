namespace Integrify.Simulator.Demo;

/// <summary>Version 4-shaped GUIDs from a fixed seed, so the demo's requests and tasks keep their sids across runs.</summary>
internal sealed class DeterministicIds(int seed)
{
    private readonly Random random = new(seed);

    public Guid Next()
    {
        Span<byte> bytes = stackalloc byte[16];
        random.NextBytes(bytes);
        bytes[7] = (byte)((bytes[7] & 0x0F) | 0x40);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes);
    }
}
