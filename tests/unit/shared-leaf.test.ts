/**
 * lib/shared holds the values the schema and the app share. Where lib/journeys/model.ts still
 * keeps its own copy (the channel catalogue, the stage models, the lanes its zod schema
 * validates), the two must stay the same: checked here, types by `tsc`, values at run time.
 */
import { describe, expect, expectTypeOf, it } from 'vitest';
import { channels as modelChannels, stageModels, type Channel as ModelChannel, type Lanes as ModelLanes, type StageModelKey as ModelStageModelKey } from '@/lib/journeys/model';
import { channels, stageModelKeys, type Channel, type Lanes, type StageModelKey } from '@/lib/shared';

describe('the leaf and the journey model agree', () => {
  it('on the channel catalogue', () => {
    expect([...channels]).toEqual([...modelChannels]);
    expectTypeOf<Channel>().toEqualTypeOf<ModelChannel>();
  });

  it('on the stage models', () => {
    expect([...stageModelKeys]).toEqual(Object.keys(stageModels));
    expectTypeOf<StageModelKey>().toEqualTypeOf<ModelStageModelKey>();
  });

  it('on the shape of a stage’s lanes (journey_stages.lanes)', () => {
    expectTypeOf<Lanes>().toEqualTypeOf<ModelLanes>();
  });
});
