// Object identifiers of an OFD document (ST_ID): one sequence for the whole
// document — pages, layers, graphic units, resources, annotations — so that
// every ID is unique and CommonData's MaxUnitID is the last one given.

export class UnitIds {
  private last = 0;

  next(): number {
    return ++this.last;
  }

  /** The highest ID given (MaxUnitID). */
  get max(): number {
    return this.last;
  }
}
