import type { ReactNode } from 'react';
import { CreateButton, EditButton, FilterButton, TopToolbar } from 'react-admin';

/** A list's toolbar: add a filter, create a record, then the list's own buttons (an Excel export) when it has any. */
export const FilterCreateActions = ({ children }: { children?: ReactNode }) => (
  <TopToolbar>
    <FilterButton />
    <CreateButton />
    {children}
  </TopToolbar>
);

/** A record page's toolbar: the page's own buttons (the next thing to do with the record) when it has any, then edit. */
export const EditActions = ({ children }: { children?: ReactNode }) => (
  <TopToolbar>
    {children}
    <EditButton />
  </TopToolbar>
);
