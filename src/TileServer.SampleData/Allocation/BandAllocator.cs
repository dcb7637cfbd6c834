namespace TileServer.SampleData.Allocation;

using TileServer.SampleData.Parcels;

/// <summary>Fills an area goal from ranked candidates: takes parcels in rank order, skipping any that
/// would overshoot the upper limit, until the total reaches the lower limit. The band sits inside
/// [goal, 1.05 × goal] with room on both sides, so sums of several members stay in band too.</summary>
internal static class BandAllocator
{
    public const double Low = 1.006;
    public const double High = 1.035;

    public static List<Parcel> Take(IEnumerable<Parcel> ranked, double goal, double alreadyCounted = 0)
    {
        var chosen = new List<Parcel>();
        var total = alreadyCounted;
        if (goal <= 0)
        {
            return chosen;
        }

        foreach (var parcel in ranked)
        {
            if (total >= goal * Low)
            {
                break;
            }

            if (total + parcel.Area <= goal * High)
            {
                chosen.Add(parcel);
                total += parcel.Area;
            }
        }

        return chosen;
    }
}
