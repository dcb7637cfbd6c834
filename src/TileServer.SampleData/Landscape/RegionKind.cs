namespace TileServer.SampleData.Landscape;

/// <summary>The broad landscape a unit belongs to; it decides parcel sizes and the mix of classes.</summary>
internal enum RegionKind
{
    /// <summary>燕山 hills of northern Hebei: dry farmland in valleys, forest on ridges.</summary>
    YanshanHills,

    /// <summary>长白山 forest: paddy/dry fields in narrow valleys, closed forest elsewhere.</summary>
    ChangbaiForest,

    /// <summary>科尔沁 plain and sandy land: large dry fields, grassland, shrubs and dunes.</summary>
    HorqinPlain,

    /// <summary>Northern 通辽 uplands: grassland-dominated with some forest.</summary>
    HorqinUpland,

    /// <summary>Desert steppe of 二连浩特: grassland, bare and saline land, tiny farmland.</summary>
    DesertSteppe,
}
