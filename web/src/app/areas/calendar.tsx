import { CalendarOutlined } from '@ant-design/icons';
import { calendar } from '../../i18n/calendar.ts';
import { type Area, lazyPage } from '../area.ts';

/** The working-day calendar, the school calendar and the report due dates (工作日历). */
export const calendarArea: Area = {
  routes: [{ path: 'calendar', ...lazyPage(() => import('../../pages/calendar/CalendarPage.tsx')) }],
  menu: [
    {
      path: '/calendar',
      group: 'system',
      label: calendar.menu,
      icon: <CalendarOutlined />,
      // Everyone reads the calendar (due dates); the menu lists it for those who keep it.
      abilities: ['calendar.edit', 'schoolCalendar.edit'],
      order: 85,
    },
  ],
};
