namespace TileServer.Mvt.Geometry;

/// <summary>Reusable structure-of-arrays point list; capacity is retained across <see cref="Clear"/>.</summary>
internal sealed class PointBuffer<T>
    where T : unmanaged
{
    private T[] _xs = new T[64];
    private T[] _ys = new T[64];

    public int Count { get; private set; }

    public Span<T> Xs => _xs.AsSpan(0, Count);

    public Span<T> Ys => _ys.AsSpan(0, Count);

    public T X(int index) => _xs[index];

    public T Y(int index) => _ys[index];

    public void Clear() => Count = 0;

    public void Add(T x, T y)
    {
        if (Count == _xs.Length)
        {
            Array.Resize(ref _xs, _xs.Length * 2);
            Array.Resize(ref _ys, _ys.Length * 2);
        }

        _xs[Count] = x;
        _ys[Count] = y;
        Count++;
    }

    public void RemoveLast() => Count--;
}
