namespace TileServer.Styling;

/// <summary>The rules of one source layer: those without a test, and those per tested field.</summary>
internal sealed class LayerRuleIndex
{
    private readonly List<int> _always = [];
    private readonly List<FieldRuleIndex> _fields = [];

    public int[] AlwaysRules { get; private set; } = [];

    public FieldRuleIndex[] Fields { get; private set; } = [];

    public void Add(StyleFilter filter, int ruleIndex)
    {
        if (filter.Kind == StyleFilterKind.Always)
        {
            _always.Add(ruleIndex);
            return;
        }

        FieldRuleIndex? index = _fields.Find(candidate => candidate.Field == filter.Field);
        if (index is null)
        {
            index = new FieldRuleIndex(filter.Field!);
            _fields.Add(index);
        }

        index.Add(filter, ruleIndex);
    }

    public void Freeze()
    {
        AlwaysRules = [.. _always];
        Fields = [.. _fields];
        foreach (FieldRuleIndex field in Fields)
        {
            field.Freeze();
        }
    }
}
