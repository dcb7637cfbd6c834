namespace TileServer.Mvt.Tests.TestSupport;

/// <summary>
/// Independent walker over a geometry command stream that checks the MVT 2.1 §4.3 structural rules the
/// encoder promises: known command ids, count &gt; 0, no zero-delta LineTo, ClosePath count 1.
/// Returns the list of violations (empty when valid).
/// </summary>
internal static class CommandStream
{
    public static List<string> Violations(IReadOnlyList<uint> commands)
    {
        var problems = new List<string>();
        int i = 0;
        while (i < commands.Count)
        {
            uint id = commands[i] & 7;
            uint count = commands[i] >> 3;
            int at = i++;
            if (count == 0)
            {
                problems.Add($"zero-length command {id} at {at}");
            }

            switch (id)
            {
                case 1:
                case 2:
                    for (uint k = 0; k < count; k++)
                    {
                        if (i + 1 >= commands.Count)
                        {
                            problems.Add($"truncated parameters at {at}");
                            return problems;
                        }

                        if (id == 2 && commands[i] == 0 && commands[i + 1] == 0)
                        {
                            problems.Add($"zero-delta LineTo at {i}");
                        }

                        i += 2;
                    }

                    break;
                case 7:
                    if (count != 1)
                    {
                        problems.Add($"ClosePath count {count} at {at}");
                    }

                    break;
                default:
                    problems.Add($"unknown command {id} at {at}");
                    break;
            }
        }

        return problems;
    }
}
